/**
 * ForgeDoc type → the component that draws it. A type missing here is drawn as a visible
 * error naming it (never dropped), so an app using a component the sandbox cannot draw shows
 * it at once.
 */
import { BarChartView, HorizontalBarChartView, HorizontalStackBarChartView, StackBarChartView } from './charts/bar-chart';
import { LineChartView } from './charts/line-chart';
import { DonutChartView, PieChartView } from './charts/pie-chart';
import { ButtonGroupView, ButtonView, LinkButtonView } from './components/buttons';
import {
  BreadcrumbsItemView,
  BreadcrumbsView,
  InlineEditView,
  ModalBodyView,
  ModalFooterView,
  ModalHeaderView,
  ModalTitleView,
  ModalTransitionView,
  ModalView,
  PopupView,
  TabListView,
  TabPanelView,
  TabView,
  TabsView,
} from './components/containers';
import {
  BadgeView,
  BannerView,
  EmptyStateView,
  LozengeView,
  ProgressBarView,
  ProgressTrackerView,
  SectionMessageActionView,
  SectionMessageView,
  SkeletonView,
  SpinnerView,
  TagGroupView,
  TagView,
  TooltipView,
} from './components/feedback';
import { CheckboxGroupView, CheckboxView, RadioGroupView, RadioView, RangeView, ToggleView } from './components/choice-fields';
import { CalendarView, DatePickerView, TimePickerView } from './components/date-fields';
import { SelectView } from './components/select-field';
import { TextAreaView, TextfieldView } from './components/text-fields';
import { ErrorMessageView, FormFooterView, FormHeaderView, FormSectionView, FormView, HelperMessageView, LabelView, RequiredAsteriskView, ValidMessageView } from './components/form';
import { IconView } from './components/icon';
import { BleedView, BoxView, FlexView, GridView, InlineView, PressableView, StackView } from './components/layout';
import { DynamicTableView, PaginationView } from './components/table';
import { CodeBlockView, CodeView, EmView, HeadingView, ImageView, LinkView, ListItemView, ListView, StrikeView, StrongView, TextView } from './components/text';
import { AvatarView, UserGroupView, UserPickerView, UserView } from './components/users';
import { type UiKitComponent } from './types';

/** Nodes that only carry other nodes (the root, MacroConfig, wrapped render-prop output). */
const Passthrough: UiKitComponent = ({ children }) => <>{children}</>;

export const COMPONENTS: Readonly<Record<string, UiKitComponent>> = {
  Root: Passthrough,
  ContentWrapper: Passthrough,
  // Layout
  Box: BoxView,
  Stack: StackView,
  Inline: InlineView,
  Flex: FlexView,
  Grid: GridView,
  Bleed: BleedView,
  Pressable: PressableView,
  // Text
  Text: TextView,
  Heading: HeadingView,
  Strong: StrongView,
  Em: EmView,
  Strike: StrikeView,
  Link: LinkView,
  Code: CodeView,
  CodeBlock: CodeBlockView,
  List: ListView,
  ListItem: ListItemView,
  Image: ImageView,
  Icon: IconView,
  // Actions
  Button: ButtonView,
  LoadingButton: ButtonView,
  LinkButton: LinkButtonView,
  ButtonGroup: ButtonGroupView,
  // Status and feedback
  Lozenge: LozengeView,
  Badge: BadgeView,
  Tag: TagView,
  TagGroup: TagGroupView,
  SectionMessage: SectionMessageView,
  SectionMessageAction: SectionMessageActionView,
  Spinner: SpinnerView,
  ProgressBar: ProgressBarView,
  ProgressTracker: ProgressTrackerView,
  EmptyState: EmptyStateView,
  Skeleton: SkeletonView,
  Banner: BannerView,
  Tooltip: TooltipView,
  // Forms
  Form: FormView,
  FormHeader: FormHeaderView,
  FormSection: FormSectionView,
  FormFooter: FormFooterView,
  Label: LabelView,
  HelperMessage: HelperMessageView,
  ErrorMessage: ErrorMessageView,
  ValidMessage: ValidMessageView,
  RequiredAsterisk: RequiredAsteriskView,
  Textfield: TextfieldView,
  TextArea: TextAreaView,
  Select: SelectView,
  Checkbox: CheckboxView,
  CheckboxGroup: CheckboxGroupView,
  Radio: RadioView,
  RadioGroup: RadioGroupView,
  Toggle: ToggleView,
  DatePicker: DatePickerView,
  TimePicker: TimePickerView,
  Calendar: CalendarView,
  Range: RangeView,
  UserPicker: UserPickerView,
  InlineEdit: InlineEditView,
  // Structure
  DynamicTable: DynamicTableView,
  Pagination: PaginationView,
  Tabs: TabsView,
  TabList: TabListView,
  Tab: TabView,
  TabPanel: TabPanelView,
  Modal: ModalView,
  ModalHeader: ModalHeaderView,
  ModalTitle: ModalTitleView,
  ModalBody: ModalBodyView,
  ModalFooter: ModalFooterView,
  ModalTransition: ModalTransitionView,
  Popup: PopupView,
  Breadcrumbs: BreadcrumbsView,
  BreadcrumbsItem: BreadcrumbsItemView,
  // People
  User: UserView,
  UserGroup: UserGroupView,
  Avatar: AvatarView,
  // Charts
  BarChart: BarChartView,
  StackBarChart: StackBarChartView,
  HorizontalBarChart: HorizontalBarChartView,
  HorizontalStackBarChart: HorizontalStackBarChartView,
  LineChart: LineChartView,
  PieChart: PieChartView,
  DonutChart: DonutChartView,
};

/**
 * UI Kit components that exist but need a product service the sandbox does not emulate
 * (media, the editor, Custom UI frames, Atlassian's brand assets). They get their own message
 * so nobody mistakes them for a typo.
 */
export const NOT_EMULATED: ReadonlySet<string> = new Set([
  'AdfRenderer',
  'ChromelessEditor',
  'CommentEditor',
  'Comment',
  'FileCard',
  'FilePicker',
  'Frame',
  'Tile',
  'AtlassianTile',
  'AtlassianIcon',
  'TopNav',
  'TopNavStart',
  'TopNavMiddle',
  'TopNavEnd',
  'MacroConfig',
]);
