-- Statutory holidays and adjusted working days (调休) now come from the tyme4j library (cn.6tail:tyme4j, see
-- cn.duban.supervision.StatutoryHolidays), which carries the State Council's notices from 2002 on and is updated on
-- Maven Central each year. The database keeps only the years the supervision office imported itself through
-- PUT /api/calendar/{year}: a year the State Council published before the library, or a correction. For such a year
-- its rows replace the library's as a whole.
create table calendar_year (
    year         integer      primary key,
    imported_by  varchar(64),
    imported_at  timestamptz  not null default now()
);

-- The rows V5 typed by hand, as V5 typed them. calendar_day cannot tell a typed row from one the office sent, so a
-- year is judged as a whole: a year of 2025 or 2026 whose rows are exactly V5's was never changed, and its rows go
-- (the library has the same days: WorkingDayCalendarTest pins them). A year whose rows differ in any way, and any
-- other year with rows, was replaced through PUT /api/calendar/{year}: it stays, as the office's import.
create temporary table v5_seed (
    day      date         primary key,
    working  boolean      not null,
    name     varchar(50),
    note     varchar(200)
) on commit drop;

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）
insert into v5_seed (day, working, name, note)
select d::date, false, '元旦', '1月1日放假1天，不调休'
from generate_series(date '2025-01-01', date '2025-01-01', interval '1 day') d
union all
select d::date, false, '春节', '1月28日至2月4日放假调休，共8天'
from generate_series(date '2025-01-28', date '2025-02-04', interval '1 day') d
union all
select d::date, false, '清明节', '4月4日至6日放假，共3天'
from generate_series(date '2025-04-04', date '2025-04-06', interval '1 day') d
union all
select d::date, false, '劳动节', '5月1日至5日放假调休，共5天'
from generate_series(date '2025-05-01', date '2025-05-05', interval '1 day') d
union all
select d::date, false, '端午节', '5月31日至6月2日放假，共3天'
from generate_series(date '2025-05-31', date '2025-06-02', interval '1 day') d
union all
select d::date, false, '国庆节、中秋节', '10月1日至8日放假调休，共8天'
from generate_series(date '2025-10-01', date '2025-10-08', interval '1 day') d;

insert into v5_seed (day, working, name, note) values
    (date '2025-01-26', true, '调休上班', '春节调休，周日上班'),
    (date '2025-02-08', true, '调休上班', '春节调休，周六上班'),
    (date '2025-04-27', true, '调休上班', '劳动节调休，周日上班'),
    (date '2025-09-28', true, '调休上班', '国庆节、中秋节调休，周日上班'),
    (date '2025-10-11', true, '调休上班', '国庆节、中秋节调休，周六上班');

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社同日全文播发）
insert into v5_seed (day, working, name, note)
select d::date, false, '元旦', '1月1日至3日放假调休，共3天'
from generate_series(date '2026-01-01', date '2026-01-03', interval '1 day') d
union all
select d::date, false, '春节', '2月15日至23日放假调休，共9天'
from generate_series(date '2026-02-15', date '2026-02-23', interval '1 day') d
union all
select d::date, false, '清明节', '4月4日至6日放假，共3天'
from generate_series(date '2026-04-04', date '2026-04-06', interval '1 day') d
union all
select d::date, false, '劳动节', '5月1日至5日放假调休，共5天'
from generate_series(date '2026-05-01', date '2026-05-05', interval '1 day') d
union all
select d::date, false, '端午节', '6月19日至21日放假，共3天'
from generate_series(date '2026-06-19', date '2026-06-21', interval '1 day') d
union all
select d::date, false, '中秋节', '9月25日至27日放假，共3天'
from generate_series(date '2026-09-25', date '2026-09-27', interval '1 day') d
union all
select d::date, false, '国庆节', '10月1日至7日放假调休，共7天'
from generate_series(date '2026-10-01', date '2026-10-07', interval '1 day') d;

insert into v5_seed (day, working, name, note) values
    (date '2026-01-04', true, '调休上班', '元旦调休，周日上班'),
    (date '2026-02-14', true, '调休上班', '春节调休，周六上班'),
    (date '2026-02-28', true, '调休上班', '春节调休，周六上班'),
    (date '2026-05-09', true, '调休上班', '劳动节调休，周六上班'),
    (date '2026-09-20', true, '调休上班', '国庆节调休，周日上班'),
    (date '2026-10-10', true, '调休上班', '国庆节调休，周六上班');

insert into calendar_year (year, imported_by)
select distinct extract(year from day)::integer, 'V18: kept from before the library'
from calendar_day
where extract(year from day) not in (2025, 2026);

insert into calendar_year (year, imported_by)
select distinct year, 'V18: kept from before the library'
from ((select day, working, name, note from calendar_day where extract(year from day) in (2025, 2026)
       except select day, working, name, note from v5_seed)
      union all
      (select day, working, name, note from v5_seed
       except select day, working, name, note from calendar_day where extract(year from day) in (2025, 2026))) changed,
     lateral (select extract(year from changed.day)::integer as year) y
on conflict (year) do nothing;

delete from calendar_day where extract(year from day)::integer not in (select year from calendar_year);
