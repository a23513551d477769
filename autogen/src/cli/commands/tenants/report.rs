//! What a tenant run prints: one line per tenant as it finishes (under a progress bar when
//! stderr is a terminal), a summary line; or, with `--format json`, one object listing every
//! tenant.

use std::cell::Cell;
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value, json};

use crate::revision::comment_text;
use crate::tenants::{Outcome, Tally, TenantResult};

/// What a command reports for one tenant that ran to its end.
pub trait TenantReport {
    /// The text after `<tenant>: `, on one line.
    fn line(&self) -> String;
    /// The tenant's JSON fields (besides `name`, `status` and `ok`).
    fn json(&self) -> Map<String, Value>;
    /// The state the summary counts, when the command has one (`at head`/`behind head`,
    /// `in sync`/`drifted`), and whether it is the good one.
    fn state(&self) -> Option<(&'static str, bool)> {
        None
    }
}

/// The progress bar (a terminal only) and the per-tenant lines (text only).
pub struct Progress {
    bar: Option<ProgressBar>,
    lines: bool,
    failed: Cell<usize>,
}

impl Progress {
    /// For a run of `total` tenants; `lines`: print a line per tenant (text format).
    pub fn new(total: usize, lines: bool, quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total as u64);
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} tenants, {elapsed} elapsed, about {eta} left {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            lines,
            failed: Cell::new(0),
        }
    }

    /// One tenant finished.
    pub fn finished<T: TenantReport>(&self, result: &TenantResult<T>) {
        let line = self.lines.then(|| tenant_line(result)).flatten();
        match &self.bar {
            Some(bar) => {
                if let Some(line) = line {
                    bar.suspend(|| println!("{line}"));
                }
                if matches!(result.outcome, Outcome::Failed(_)) {
                    self.failed.set(self.failed.get() + 1);
                    bar.set_message(format!("({} failed)", self.failed.get()));
                }
                bar.inc(1);
            }
            None => {
                if let Some(line) = line {
                    println!("{line}");
                }
            }
        }
    }

    /// The run is over: the bar goes away.
    pub fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `<tenant>: <what happened>`; nothing for a skipped tenant (counted in the summary).
fn tenant_line<T: TenantReport>(result: &TenantResult<T>) -> Option<String> {
    let name = comment_text(result.name.as_str());
    match &result.outcome {
        Outcome::Done(report) => Some(format!("{name}: {}", report.line())),
        Outcome::Failed(error) => Some(format!("{name}: FAILED: {error}")),
        Outcome::Skipped => None,
    }
}

/// `<command>: N tenant(s): a ok, b failed, c skipped (--fail-fast); x at head, y behind head`.
pub fn summary<T: TenantReport>(command: &str, results: &[TenantResult<T>]) -> String {
    let tally = Tally::of(results);
    let mut parts = vec![format!("{} ok", tally.ok)];
    if tally.failed > 0 {
        parts.push(format!("{} failed", tally.failed));
    }
    if tally.skipped > 0 {
        parts.push(format!("{} skipped (--fail-fast)", tally.skipped));
    }
    let states = states(results);
    let states = if states.is_empty() {
        String::new()
    } else {
        let listed: Vec<String> = states.iter().map(|(s, n)| format!("{n} {s}")).collect();
        format!("; {}", listed.join(", "))
    };
    format!(
        "{command}: {} tenant(s): {}{states}",
        results.len(),
        parts.join(", ")
    )
}

/// How many tenants are in each state (good states first), in a fixed order.
fn states<T: TenantReport>(results: &[TenantResult<T>]) -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, bool, usize)> = Vec::new();
    for r in results {
        if let Outcome::Done(report) = &r.outcome
            && let Some((state, good)) = report.state()
        {
            match out.iter_mut().find(|(s, _, _)| *s == state) {
                Some(entry) => entry.2 += 1,
                None => out.push((state, good, 1)),
            }
        }
    }
    out.sort_by_key(|(s, good, _)| (!*good, *s));
    out.into_iter().map(|(s, _, n)| (s, n)).collect()
}

/// The JSON report: `header` (command, kind, ...), the counts, then `tenants`, one object
/// each, sorted by name.
pub fn json_report<T: TenantReport>(
    mut header: Map<String, Value>,
    results: &[TenantResult<T>],
) -> Value {
    let tally = Tally::of(results);
    header.insert("total".into(), json!(results.len()));
    header.insert("ok".into(), json!(tally.ok));
    header.insert("failed".into(), json!(tally.failed));
    header.insert("skipped".into(), json!(tally.skipped));
    for (state, n) in states(results) {
        header.insert(state.replace(' ', "_"), json!(n));
    }
    let tenants: Vec<Value> = results
        .iter()
        .map(|r| {
            let mut object = Map::new();
            object.insert("name".into(), json!(r.name.as_str()));
            match &r.outcome {
                Outcome::Done(report) => {
                    object.insert("status".into(), json!("ok"));
                    object.insert("ok".into(), json!(true));
                    object.extend(report.json());
                }
                Outcome::Failed(error) => {
                    object.insert("status".into(), json!("failed"));
                    object.insert("ok".into(), json!(false));
                    object.insert("error".into(), json!(error));
                }
                Outcome::Skipped => {
                    object.insert("status".into(), json!("skipped"));
                    object.insert("ok".into(), json!(false));
                }
            }
            Value::Object(object)
        })
        .collect();
    header.insert("tenants".into(), Value::Array(tenants));
    Value::Object(header)
}

/// The first failed tenants, for the one `error:` line.
pub fn failed_names<T>(results: &[TenantResult<T>]) -> String {
    const SHOWN: usize = 10;
    let failed: Vec<String> = results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .map(|r| comment_text(r.name.as_str()))
        .collect();
    let mut text = failed
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if failed.len() > SHOWN {
        text.push_str(&format!(" and {} more", failed.len() - SHOWN));
    }
    text
}
