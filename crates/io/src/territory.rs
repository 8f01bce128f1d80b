//! The territory as the command prints it (`territoire --format json|text`), field for field
//! as `docs/scenario-format.md` names it.

use serde::Serialize;

use super::report::{DeadlineOut, RULES_VERSION, SharesOut};
use engine::convention::YEARLY_LIST_DEADLINE;
use engine::dates::{fr, iso};
use engine::territory::Territory;

/// The JSON territory. Amounts are in cents.
#[derive(Serialize)]
pub struct TerritoryOut {
    /// The day the figures are for, `YYYY-MM-DD`.
    pub today: String,
    /// Each commune, in the order given.
    pub communes: Vec<CommuneOut>,
    /// Names given for a commune already given (counted once in `joined_communes`).
    pub same_commune_twice: Vec<String>,
    /// The territory's total per budget year.
    pub budget_years: Vec<BudgetOut>,
    /// The titles of revenue to issue, month by month.
    pub titles_by_month: Vec<MonthOut>,
    /// Communes of the Métropole with a school with access on the day.
    pub joined_communes: usize,
    /// How many communes the Métropole has (58).
    pub communes_in_metropole: usize,
    /// Schools with access on the day.
    pub joined_schools: usize,
    /// The schools of the territory at full deployment (625, Annexe 2).
    pub schools_in_metropole: u64,
    /// The convention years that hold the day, added up.
    pub current_year_total_cents: u64,
    /// Annexe 2 applied to it.
    pub current_year_shares_cents: SharesOut,
    /// Every school of the territory at the default annual fee (93 750,00 €).
    pub reference_cents: u64,
    /// Annexe 2 applied to the reference.
    pub reference_shares_cents: SharesOut,
    /// The version of the rules applied.
    pub rules_version: &'static str,
}

/// One commune.
#[derive(Serialize)]
pub struct CommuneOut {
    /// The name given.
    pub name: String,
    /// The commune of the Métropole it is, when found (R10).
    pub commune: Option<String>,
    /// Its INSEE code, when found.
    pub insee: Option<String>,
    /// Schools with access on the day.
    pub schools_with_access: usize,
    /// Units billed in its convention year that holds the day.
    pub units_billed: usize,
    /// That year's fee.
    pub current_year_fee_cents: u64,
    /// Its total over its convention years.
    pub total_cents: u64,
    /// Its budget years.
    pub budget_years: Vec<BudgetOut>,
    /// Its next date to act by, or null.
    pub next_deadline: Option<DeadlineOut>,
    /// Changes of its list received after 19 June of the day's year, up to the day.
    pub late_list_changes: Vec<String>,
}

/// A budget year's total.
#[derive(Serialize)]
pub struct BudgetOut {
    /// The calendar year.
    pub year: i32,
    /// The titles dated in it.
    pub fee_cents: u64,
}

/// A month's titles of revenue.
#[derive(Serialize)]
pub struct MonthOut {
    /// `YYYY-MM`.
    pub month: String,
    /// How many titles (one per unit billed).
    pub titles: u64,
    /// Their total.
    pub amount_cents: u64,
}

/// The JSON territory of `t`.
pub fn territory(t: &Territory) -> TerritoryOut {
    let budget = |b: &[(i32, engine::Money)]| -> Vec<BudgetOut> {
        b.iter()
            .map(|(year, fee)| BudgetOut {
                year: *year,
                fee_cents: fee.cents(),
            })
            .collect()
    };
    TerritoryOut {
        today: iso(t.today),
        communes: t
            .communes
            .iter()
            .map(|c| CommuneOut {
                name: c.name.clone(),
                commune: c.commune.clone(),
                insee: c.insee.clone(),
                schools_with_access: c.schools_with_access,
                units_billed: c.units_billed,
                current_year_fee_cents: c.current_year_fee.cents(),
                total_cents: c.total.cents(),
                budget_years: budget(&c.budget),
                next_deadline: c.next_deadline.as_ref().map(DeadlineOut::from),
                late_list_changes: c.late_list_changes.iter().map(|d| iso(*d)).collect(),
            })
            .collect(),
        same_commune_twice: t.same_commune_twice.clone(),
        budget_years: budget(&t.budget_years),
        titles_by_month: t
            .titles_by_month
            .iter()
            .map(|m| MonthOut {
                month: format!("{:04}-{:02}", m.year, m.month),
                titles: m.titles,
                amount_cents: m.amount.cents(),
            })
            .collect(),
        joined_communes: t.joined_communes,
        communes_in_metropole: t.communes_in_metropole,
        joined_schools: t.joined_schools,
        schools_in_metropole: t.schools_in_metropole,
        current_year_total_cents: t.current_year_total.cents(),
        current_year_shares_cents: SharesOut::from(&t.current_year_shares.value),
        reference_cents: t.reference.cents(),
        reference_shares_cents: SharesOut::from(&t.reference_shares),
        rules_version: RULES_VERSION,
    }
}

/// The JSON territory, pretty-printed.
pub fn to_json(t: &Territory) -> String {
    serde_json::to_string_pretty(&territory(t)).unwrap_or_default()
}

/// The territory in French for a person.
pub fn to_text(t: &Territory) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!(
        "Territoire de la Métropole de Lyon au {} (convention laclasse.com)",
        fr(t.today)
    ));
    line(format!(
        "  Communes ayant une école avec accès : {} sur {} ; écoles avec accès : {} sur {} (Annexe 2).",
        t.joined_communes, t.communes_in_metropole, t.joined_schools, t.schools_in_metropole
    ));
    line(format!(
        "  Années de convention en cours, toutes communes : {} ; référence de l'annexe 2 ({} écoles à {}) : {}.",
        t.current_year_total,
        t.schools_in_metropole,
        engine::convention::DEFAULT_ANNUAL_FEE,
        t.reference
    ));
    let s = &t.current_year_shares.value;
    line(format!(
        "  Annexe 2 de ce total : hébergement {}, maintenance {}, salaires {}.",
        s.hosting, s.maintenance, s.salaries
    ));
    line(String::new());
    line("Communes".into());
    for c in &t.communes {
        line(format!(
            "  {}{} : {} école{} avec accès, année en cours {} ({} unité{}), total {}{}",
            c.name,
            c.insee
                .as_ref()
                .map(|i| format!(" ({i})"))
                .unwrap_or_else(|| " (hors Métropole)".into()),
            c.schools_with_access,
            if c.schools_with_access > 1 { "s" } else { "" },
            c.current_year_fee,
            c.units_billed,
            if c.units_billed > 1 { "s" } else { "" },
            c.total,
            c.next_deadline
                .as_ref()
                .map(|d| format!(" ; prochaine échéance {} ({})", fr(d.date), d.kind.label()))
                .unwrap_or_default()
        ));
        if !c.late_list_changes.is_empty() {
            let dates: Vec<String> = c.late_list_changes.iter().map(|d| fr(*d)).collect();
            line(format!(
                "      Liste annuelle : changements reçus après le {} ({}), pris en compte au cycle suivant (Annexe 1, hypothèse).",
                YEARLY_LIST_DEADLINE.fr(),
                dates.join(", ")
            ));
        }
    }
    if !t.same_commune_twice.is_empty() {
        line(format!(
            "  Laissé de côté, commune déjà donnée (une simulation par commune) : {}.",
            t.same_commune_twice.join(", ")
        ));
    }
    line(String::new());
    line("Redevances du territoire par exercice budgétaire (Art. 6)".into());
    for (year, fee) in &t.budget_years {
        line(format!("  {year} : {fee}"));
    }
    line(String::new());
    line("Titres de recette par mois".into());
    for m in &t.titles_by_month {
        line(format!(
            "  {:02}/{} : {} titre{}, {}",
            m.month,
            m.year,
            m.titles,
            if m.titles > 1 { "s" } else { "" },
            m.amount
        ));
    }
    line(String::new());
    line(format!("Règles : {RULES_VERSION}"));
    out
}
