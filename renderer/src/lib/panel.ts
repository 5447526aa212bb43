/** Props shared by the contract view's side panels. */
import type { Anchor, ReviewReport } from './report-types';

export interface PanelProps {
  report: ReviewReport;
  /** Key of the selected item (`term:…`, `finding:…`, `penalty:…`), or null. */
  selectedKey: string | null;
  /** Select an item and show its anchor in the document. */
  onSelect: (key: string, anchor: Anchor) => void;
}
