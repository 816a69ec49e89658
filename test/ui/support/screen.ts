/**
 * A rendered UI Kit module as a test sees it: the latest ForgeDoc, queries over it, and user
 * actions that call the handlers in it the way UI Kit's renderer does. Every action and every
 * render waits until the module is quiet (no bridge call in flight, no render for a while) and
 * then fails with whatever the host recorded as going wrong (unsupported command, render error).
 */
import {
  type BridgeHost,
  type BridgeRouter,
  type EmittedEvent,
  type FlagRecord,
  type ForgeDoc,
  type InvocationRecord,
  type MemoryHistory,
  type NavigationRecord,
  type ProductRequestRecord,
  type PropHandler,
  type TextMatcher,
  ancestry,
  blurEvent,
  checkedChangeEvent,
  clickEvent,
  handlerProp,
  isRecord,
  outline,
  radioChangeEvent,
  stringProp,
  textChangeEvent,
} from '../../../sandbox/ui-host';
import { Queries } from './queries';

/** A Select option as UI Kit takes it; groups nest options one level down. */
export interface SelectOption {
  label: string;
  value: unknown;
}

export type OptionChoice = string | Partial<SelectOption>;

/** Rounds of "nothing in flight, nothing rendered" before the module counts as quiet. */
const QUIET_ROUNDS = 3;
/** A module still re-rendering after this many rounds is looping (an effect that sets state every time). */
const MAX_SETTLE_ROUNDS = 1000;
const DEFAULT_WAIT_MS = 5000;

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isOption(value: unknown): value is SelectOption {
  return isRecord(value) && typeof value.label === 'string' && 'value' in value;
}

function optionsOf(select: ForgeDoc): SelectOption[] {
  const raw = Array.isArray(select.props.options) ? select.props.options : [];
  return raw.flatMap((entry: unknown) => {
    if (isOption(entry)) return [entry];
    if (isRecord(entry) && Array.isArray(entry.options)) return entry.options.filter(isOption);
    return [];
  });
}

function sameOption(option: SelectOption, choice: OptionChoice): boolean {
  if (typeof choice === 'string') return option.label === choice || option.value === choice;
  return (choice.label === undefined || option.label === choice.label) && (!('value' in choice) || option.value === choice.value);
}

export class Screen extends Queries {
  private reportedFailures = 0;
  private unmounted = false;

  constructor(
    private readonly host: BridgeHost,
    private readonly router: BridgeRouter,
    readonly entry: string,
    /** Called before each user action: what happened earlier is in the storage indexes by then. */
    private readonly userPauses: () => void = () => undefined,
  ) {
    super(() => {
      const doc = host.doc;
      if (doc === undefined) throw new Error(`${entry} has not rendered anything`);
      return doc;
    });
  }

  /** The latest ForgeDoc (`Root` at the top). */
  doc(): ForgeDoc {
    return this.root();
  }

  /** What `view.getContext()` answers in this module. */
  context(): Record<string, unknown> {
    return this.host.context();
  }

  get flags(): readonly FlagRecord[] {
    return this.host.flags;
  }

  /** True once the module called `view.close()`. */
  get closed(): boolean {
    return this.host.closed;
  }

  /** True once the module called `view.refresh()`. */
  get refreshed(): boolean {
    return this.host.refreshes > 0;
  }

  get navigations(): readonly NavigationRecord[] {
    return this.host.navigations;
  }

  get invocations(): readonly InvocationRecord[] {
    return this.host.invocations;
  }

  /** Confluence REST calls the front end made itself (requestConfluence, property hooks). */
  get productRequests(): readonly ProductRequestRecord[] {
    return this.host.productRequests;
  }

  get emitted(): readonly EmittedEvent[] {
    return this.host.emitted;
  }

  get failures(): readonly Error[] {
    return this.host.failures;
  }

  get history(): MemoryHistory {
    return this.host.history;
  }

  /** Resolves once no bridge call is in flight and nothing re-rendered for a few macrotasks. */
  async settle(): Promise<void> {
    let quiet = 0;
    for (let round = 0; quiet < QUIET_ROUNDS; round += 1) {
      if (round >= MAX_SETTLE_ROUNDS) throw new Error(`${this.entry} kept re-rendering for ${MAX_SETTLE_ROUNDS} rounds\n${outline(this.doc())}`);
      const renders = this.host.renders;
      await nextMacrotask();
      if (this.host.pendingCalls > 0) {
        await this.host.whenIdle();
        quiet = 0;
      } else {
        quiet = this.host.renders === renders ? quiet + 1 : 0;
      }
    }
    this.raiseFailures();
  }

  /**
   * Retries `check` until it returns anything but `false` without throwing; fails after
   * `timeoutMs` with the last reason (a failed query's reason shows the tree).
   */
  async waitFor(check: () => unknown, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reason = this.attempt(check);
      if (reason === undefined) return;
      if (Date.now() >= deadline) throw new Error(`waitFor gave up after ${timeoutMs} ms: ${reason}`);
      await this.settle();
      await sleep(10);
    }
  }

  /**
   * Clicks `target` (a node, or the text on it): the nearest handler-bearing element up the tree
   * gets `onClick`, and a `type="submit"` Button also submits its Form, as in the browser.
   */
  async click(target: ForgeDoc | TextMatcher): Promise<void> {
    this.userPauses();
    const node = this.resolve(target, (text) => this.getByText(text));
    const path = this.pathTo(node);
    const clickable = path.find((candidate) => handlerProp(candidate, 'onClick') !== undefined || this.isSubmitButton(candidate));
    if (clickable === undefined) throw new Error(`Nothing clickable at <${node.type}> "${this.textContent(node)}": no onClick on it or its ancestors`);
    this.assertEnabled(clickable, 'click');
    const onClick = handlerProp(clickable, 'onClick');
    if (onClick !== undefined) await onClick(clickEvent(clickable));
    if (this.isSubmitButton(clickable)) {
      const form = path.find((candidate) => candidate.type === 'Form');
      if (form !== undefined) await this.callHandler(form, 'onSubmit');
    }
    await this.settle();
  }

  /** Types `value` into a Textfield or TextArea (the node, or its label). */
  async type(target: ForgeDoc | TextMatcher, value: string): Promise<void> {
    this.userPauses();
    const field = this.field(target, ['Textfield', 'TextArea'], 'type into');
    if (field.props.isReadOnly === true) throw new Error(`Cannot type into <${field.type}>: it is read-only`);
    await this.callHandler(field, 'onChange', textChangeEvent(field, value));
    await this.settle();
  }

  /**
   * Picks an option of a Select by label or value (`{label, value}` to be exact). A multi-select
   * gets exactly the options given.
   */
  async select(target: ForgeDoc | TextMatcher, choice: OptionChoice | OptionChoice[]): Promise<void> {
    this.userPauses();
    const select = this.field(target, ['Select'], 'select in');
    const options = optionsOf(select);
    const picked = (Array.isArray(choice) ? choice : [choice]).map((wanted) => {
      const option = options.find((candidate) => sameOption(candidate, wanted));
      if (option === undefined) throw new Error(`The Select has no option ${JSON.stringify(wanted)}; options: ${options.map((o) => o.label).join(', ')}`);
      return option;
    });
    if (select.props.isMulti !== true && picked.length !== 1) throw new Error('A single Select takes exactly one option');
    await this.callHandler(select, 'onChange', select.props.isMulti === true ? picked : picked[0]);
    await this.settle();
  }

  /** Ticks (or clears) a Checkbox or Toggle. */
  async check(target: ForgeDoc | TextMatcher, checked = true): Promise<void> {
    this.userPauses();
    const box = this.field(target, ['Checkbox', 'Toggle'], 'check');
    await this.callHandler(box, 'onChange', checkedChangeEvent(box, checked));
    await this.settle();
  }

  /** Chooses the option of a RadioGroup with this label or value. */
  async choose(target: ForgeDoc | TextMatcher, choice: string): Promise<void> {
    this.userPauses();
    const group = this.field(target, ['RadioGroup'], 'choose in');
    const option = optionsOf(group).find((candidate) => sameOption(candidate, choice));
    if (option === undefined) throw new Error(`The RadioGroup has no option "${choice}"`);
    await this.callHandler(group, 'onChange', radioChangeEvent(group, option.value));
    await this.settle();
  }

  /** Leaves a field, which is when useForm validates a touched field. */
  async blur(target: ForgeDoc | TextMatcher): Promise<void> {
    this.userPauses();
    const field = this.resolve(target, (text) => this.getByLabel(text));
    await this.callHandler(field, 'onBlur', blurEvent(field));
    await this.settle();
  }

  /**
   * Submits the Form `target` is (or is inside; the only Form when omitted). UI Kit calls
   * `onSubmit()` without arguments; with useForm that is `handleSubmit(fn)`, which validates the
   * registered fields and calls `fn(values)` only when they pass.
   */
  async submitForm(target?: ForgeDoc): Promise<void> {
    this.userPauses();
    const form = target === undefined ? this.getByType('Form') : this.pathTo(target).find((node) => node.type === 'Form');
    if (form === undefined) throw new Error(`<${target?.type ?? '?'}> is not inside a Form`);
    await this.callHandler(form, 'onSubmit');
    await this.settle();
  }

  /**
   * A person uses a control the other actions do not cover (Tabs, pickers with their own value
   * shapes): its `name` handler gets `args`, then the screen settles.
   */
  async fire(node: ForgeDoc, name: string, ...args: unknown[]): Promise<void> {
    this.userPauses();
    await this.callHandler(node, name, ...args);
    await this.settle();
  }

  /** An event from elsewhere on the page (another module, the product) to this module's `events.on`. */
  async deliver(event: string, payload?: unknown): Promise<void> {
    this.userPauses();
    await this.host.deliver(event, payload);
    await this.settle();
  }

  /** The frame goes away: the host stops answering, as when Confluence closes the dialog. */
  unmount(): void {
    if (this.unmounted) return;
    this.unmounted = true;
    this.host.dispose();
    this.router.unmount(this.host);
  }

  /** Why `check` does not pass yet, or undefined when it does. */
  private attempt(check: () => unknown): string | undefined {
    let result: unknown;
    try {
      result = check();
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    // A promise is never `false`, so an async check would pass at once without being awaited.
    if (result instanceof Promise) throw new TypeError('waitFor takes a synchronous check; await the action before it instead');
    return result === false ? 'the condition is still false' : undefined;
  }

  private raiseFailures(): void {
    const failures = this.host.failures;
    if (failures.length <= this.reportedFailures) return;
    const first = failures[this.reportedFailures];
    this.reportedFailures = failures.length;
    throw first;
  }

  private resolve(target: ForgeDoc | TextMatcher, byText: (text: TextMatcher) => ForgeDoc): ForgeDoc {
    return typeof target === 'string' || target instanceof RegExp ? byText(target) : target;
  }

  private pathTo(node: ForgeDoc): ForgeDoc[] {
    const path = ancestry(this.doc(), node);
    if (path.length === 0) throw new Error(`<${node.type}> is no longer on screen; query it again after the re-render`);
    return path;
  }

  private field(target: ForgeDoc | TextMatcher, types: string[], action: string): ForgeDoc {
    const field = this.resolve(target, (text) => this.getByLabel(text));
    this.pathTo(field);
    if (!types.includes(field.type)) throw new Error(`Cannot ${action} <${field.type}>: expected ${types.join(' or ')}`);
    this.assertEnabled(field, action);
    return field;
  }

  private isSubmitButton(node: ForgeDoc): boolean {
    return (node.type === 'Button' || node.type === 'LoadingButton') && stringProp(node, 'type') === 'submit';
  }

  private assertEnabled(node: ForgeDoc, action: string): void {
    if (node.props.isDisabled === true) throw new Error(`Cannot ${action} <${node.type}> "${this.textContent(node)}": it is disabled`);
    // A LoadingButton ignores clicks while its spinner shows.
    if (node.props.isLoading === true) throw new Error(`Cannot ${action} <${node.type}> "${this.textContent(node)}": it is loading`);
  }

  private async callHandler(node: ForgeDoc, name: string, ...args: unknown[]): Promise<void> {
    const handler: PropHandler | undefined = handlerProp(node, name);
    if (handler === undefined) throw new Error(`<${node.type}> has no ${name} handler, so the app would never notice`);
    await handler(...args);
  }
}
