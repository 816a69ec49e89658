/**
 * "Edit page" of the sandbox, for blog posts too: the title and the storage-format body in plain
 * fields. Saving goes through `POST /__sandbox/pages/:id/edit`, which makes a new version as the
 * acting user and fires the page-updated (blog-post-updated) trigger, as publishing in
 * Confluence's editor does.
 */
import { type ReactElement, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { editPage } from './api';
import { type Content, type ContentType } from './confluence-types';
import { contentApiPath, viewRouteOf } from './content';
import { ProblemPage } from './problem-page';
import { navigate } from './routes';
import { useShell, useWiki } from './shell-context';

export function PageEditor({ pageId, type, spaceKey }: { pageId: string; type: ContentType; spaceKey: string | null }): ReactElement {
  const { accountId, refresh, showFlag } = useShell();
  const page = useWiki<Content>(`${contentApiPath(type, pageId)}?body-format=storage`);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (page.data === undefined) return;
    setTitle(page.data.title);
    setBody(page.data.body?.storage?.value ?? '');
  }, [page.data]);

  if (page.error !== undefined) return <ProblemPage testId="page-not-found" title="Page not found" detail={page.error.message} />;
  const noun = type === 'blogpost' ? 'blog post' : 'page';
  if (page.data === undefined) return <Spinner size="large" label={`Loading ${noun}`} />;
  const back = (): void => navigate(viewRouteOf(type, spaceKey, pageId));

  const save = async (): Promise<void> => {
    setSaving(true);
    setRefusal(null);
    try {
      const saved = await editPage(pageId, accountId, { title, body });
      showFlag({ id: `edited-${pageId}-${saved.version}`, title: `“${saved.title}” updated`, description: `Version ${saved.version} is published.`, type: 'success', actions: [], isAutoDismiss: true, source: 'shell' });
      refresh();
      back();
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      data-testid="page-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      style={{ maxWidth: 760, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: token('space.200') }}
    >
      <Heading size="large">{`Edit ${noun}`}</Heading>
      {refusal !== null && (
        <SectionMessage appearance="error" title="Confluence refused the edit" testId="edit-refused">
          {refusal}
        </SectionMessage>
      )}
      <div>
        <Label htmlFor="page-title-field">Title</Label>
        <Textfield id="page-title-field" name="title" value={title} isRequired onChange={(event) => setTitle(event.currentTarget.value)} />
      </div>
      <div>
        <Label htmlFor="page-body-field">Body</Label>
        <TextArea id="page-body-field" name="body" value={body} minimumRows={10} isMonospaced resize="vertical" onChange={(event) => setBody(event.currentTarget.value)} />
        <HelperMessage>Storage format (XHTML), as the REST API takes it: &lt;p&gt;, &lt;h2&gt;, &lt;ul&gt;&lt;li&gt;…</HelperMessage>
      </div>
      <div style={{ display: 'flex', gap: token('space.100'), justifyContent: 'flex-end' }}>
        <Button appearance="subtle" onClick={back}>
          Cancel
        </Button>
        <Button appearance="primary" type="submit" isLoading={saving} isDisabled={title.trim() === ''} testId="publish-edit">
          Update
        </Button>
      </div>
    </form>
  );
}
