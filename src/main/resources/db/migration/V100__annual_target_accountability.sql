-- Accountability for annual targets not met (年度考核's year-end step) is its own trigger, so the case and the record
-- say why it was opened: not the escalation ladder, not falsified data, but a target of the year left undone.
alter table accountability_case drop constraint accountability_case_trigger_check;
alter table accountability_case add constraint accountability_case_trigger_check
    check (trigger in ('ESCALATION', 'FALSIFICATION', 'ANNUAL_TARGET'));
