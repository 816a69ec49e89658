/**
 * Form and its furniture. UI Kit calls a Form's `onSubmit` with no arguments (with useForm it
 * is `handleSubmit(fn)`, which validates and then calls `fn(values)`); a native form gives
 * that for the Enter key and `type="submit"` buttons alike.
 */
import { type FormEvent } from 'react';
import { ErrorMessage, FormFooter, FormHeader, FormSection, HelperMessage, Label, RequiredAsterisk, ValidMessage } from '@atlaskit/form';
import { handlerOf, oneOf, stringOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { plainText } from './text';

export const FormView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void runtime.call(handlerOf(node, 'onSubmit'));
  };
  return (
    <form noValidate onSubmit={submit} data-testid={stringOf(node, 'testId')}>
      {children}
    </form>
  );
};

export const FormHeaderView: UiKitComponent = ({ node, children }) => (
  <FormHeader title={plainText(node, 'title') ?? undefined} description={plainText(node, 'description') ?? undefined}>
    {children}
  </FormHeader>
);

export const FormSectionView: UiKitComponent = ({ node, children }) => (
  <FormSection title={plainText(node, 'title') ?? undefined} description={plainText(node, 'description') ?? undefined}>
    {children}
  </FormSection>
);

export const FormFooterView: UiKitComponent = ({ node, children }) => <FormFooter align={oneOf(node, 'align', ['start', 'end'] as const)}>{children}</FormFooter>;

/** `labelFor` and the field's `id` were prefixed alike by the reconciler, so they still pair up. */
export const LabelView: UiKitComponent = ({ node, children }) => (
  <Label htmlFor={stringOf(node, 'labelFor') ?? ''} id={stringOf(node, 'id')} testId={stringOf(node, 'testId')}>
    {children}
  </Label>
);

export const HelperMessageView: UiKitComponent = ({ children }) => <HelperMessage>{children}</HelperMessage>;
export const ErrorMessageView: UiKitComponent = ({ children }) => <ErrorMessage>{children}</ErrorMessage>;
export const ValidMessageView: UiKitComponent = ({ children }) => <ValidMessage>{children}</ValidMessage>;
export const RequiredAsteriskView: UiKitComponent = () => <RequiredAsterisk />;
