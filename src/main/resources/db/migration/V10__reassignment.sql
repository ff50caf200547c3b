-- A lead unit returns a task it believes is not its own (退回); the supervision office reassigns it.
alter table supervision_event drop constraint supervision_event_kind_check;
alter table supervision_event add constraint supervision_event_kind_check check (kind in
    ('DUE_SOON', 'OVERDUE', 'OVERDUE_REMINDER', 'ESCALATED', 'URGED', 'RECTIFICATION_ORDERED', 'FALSIFICATION_FOUND',
     'ACCOUNTABILITY_OPENED', 'ACCOUNTABILITY_DECIDED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED',
     'EXTENSION_REFUSED', 'RETURNED_TO_OFFICE', 'REASSIGNED'));
