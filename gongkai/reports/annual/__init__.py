"""The body's own annual report (政府信息公开工作年度报告), generated from its records.

| module | job |
| --- | --- |
| `figures` | the figures of table 二 that live in other systems: which keys, validation, reading them |
| `facts` | what the records say about a year beyond the tables (channels, on-time replies, fees) |
| `cells` | every cell of the report: tables 三 and 四 counted, table 二 from the figures |
| `prose` | 一、总体情况 drafted from the figures; the fee sentence of 六; the preface |
| `content` | `ReportContent`: the whole report as one value, built from a body's records or frozen JSON |
| `aggregation` | a government's report summed over the bodies it covers, with a drill-down per body |
| `coverage` | configuring a government's members and the covered bodies per year (services, logged) |
| `deadlines` | the publication deadline of a body's report, the countdown to it |
| `dashboard` | the supervising office's region: each body's status, rule results and key figures |
| `remind` | `gongkai report remind`: reminders 10 and 3 days before the deadline |
| `text` | the report as the seeds' text (one table cell per tab-indented line) |
| `check` | the rules engine run on a generated report, as on any published one |
"""
