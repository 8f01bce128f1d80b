//! What each section of the page shows, as pure functions of the figures: rows, French
//! sentences, clause tags. The app's components and the first figures only draw these views;
//! they never call a rule. Each view keeps the figures it was made from, so that an
//! explanation (« pourquoi ? ») is written only when asked for.

pub mod avenants;
pub mod commune;
pub mod compare;
pub mod deadlines;
pub mod documents;
pub mod eligibility;
pub mod fees;
pub mod legality;
pub mod print;
pub mod schools;
pub mod shares;
pub mod summary;
pub mod termination;
pub mod territory;

pub use engine::explain::Input as ExplanationInput;
pub use engine::text::fixed;
pub use engine::{Clause, Explanation};

use engine::explain::Rule;

/// What « pourquoi ? » shows for a row a view no longer holds (never, since a row and its
/// explanation come from the same view).
pub fn unavailable() -> Explanation {
    Explanation::new(Rule::R1, "Explication indisponible", Clause::Art8Duration)
}

#[cfg(test)]
mod tests {
    //! The sections without a test module of their own, on the Tassin example and its meeting.

    use chrono::NaiveDate;

    use super::commune::CommuneView;
    use super::compare::CompareView;
    use super::eligibility::EligibilityView;
    use super::legality::LegalityView;
    use super::print::PrintView;
    use super::shares::SharesView;
    use super::summary::summary_lines;
    use super::territory::TerritoryView;
    use crate::draft::Draft;
    use crate::live::{Figures, Live};
    use crate::state::{AppState, Library};
    use crate::territory::{SortKey, TerritoryAction, TerritoryState};
    use io::samples;

    fn figures(json: &str) -> Figures {
        Live::default()
            .compute(&Draft::from_json(json).unwrap())
            .result
            .unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn eligibility_shares_and_print() {
        let f = figures(samples::TASSIN_JSON);
        let e = EligibilityView::of(&f);
        assert_eq!(e.schools, 4);
        let rows = e.rows(0..4);
        assert!(e.title.starts_with("Éligibilité des écoles : "));
        assert!(rows.iter().any(|r| r.eligible && r.status == "✓ éligible"));
        assert!(e.why(0).is_some() && e.why(9).is_none());
        assert!(e.same_school(&EligibilityView::of(&f), 1));
        let eligible = rows.iter().filter(|r| r.eligible).count();
        assert_eq!(
            e.title,
            format!("Éligibilité des écoles : {eligible} sur 4")
        );
        assert!(rows.iter().all(|r| r.eligible == r.reasons.is_empty()));
        assert!(rows.iter().all(|r| r.access.starts_with("du ")
            || r.access.starts_with("depuis le ")
            || r.access == "aucun"
            || r.access.starts_with("jamais")));

        let s = SharesView::of(&f, 99);
        assert_eq!(s.selected, 4, "out of range: the last year");
        assert_eq!(s.rows[0].label, "Hébergement");
        assert_eq!(s.rows[0].percent, "17 %");
        assert_eq!(s.headers[1], "Une école (150,00 €)");
        assert_eq!(s.bar.len(), 5, "the salaries in their three parts");
        assert_eq!(s.bar[2].0, "administration système 12 %");
        assert!(s.why().is_some());

        let p = PrintView::of(&f);
        assert_eq!(p.schools_title, "Écoles (4)");
        assert_eq!(p.header.len(), p.rows[0].len());
        assert!(
            p.inputs
                .iter()
                .any(|(label, value)| label == "Notification de la convention"
                    && value == "16/11/2023"),
            "{:?}",
            p.inputs
        );
        assert_eq!(p.rows.len(), 4);
        let lines = summary_lines(&f, day(2026, 11, 30));
        assert_eq!(lines[0].figure, "450,00 €");
    }

    #[test]
    fn the_meeting_s_checks_and_the_legality_dates() {
        let f = figures(include_str!("../../../../data/examples/tassin-seance.json"));
        let v = LegalityView::of(&f, day(2023, 11, 20)).unwrap();
        let quorum = v.checks.iter().find(|c| c.id == Some("quorum")).unwrap();
        assert_eq!((quorum.class, quorum.mark), ("ok", "✓ "));
        assert!(
            matches!(&v.dates[0], super::legality::DateLine::Dated(d) if d.id == "executoire" && d.date == "jeudi 16/11/2023")
        );
        assert!(
            quorum
                .text
                .starts_with("Quorum : 29 présents pour 18 requis"),
            "{}",
            quorum.text
        );
        assert!(v.publicity.is_some());
        // Without a meeting nor a date, nothing to show.
        let mut d = Draft::from_json(samples::TASSIN_JSON).unwrap();
        d.set(io::schema::Field::DeliberationPublished, "");
        let bare = Live::default().compute(&d).result.unwrap();
        assert!(LegalityView::of(&bare, day(2023, 11, 20)).is_none());
    }

    #[test]
    fn the_commune_typed() {
        let v = CommuneView::of("Tassin", "");
        assert!(
            v.suggestions
                .iter()
                .any(|(n, _)| n == "Tassin-la-Demi-Lune")
        );
        let status = CommuneView::of("Tassin-la-Demi-Lune", "").status.unwrap();
        assert!(status.ok && status.text.starts_with("✓ "));
        assert!(!CommuneView::of("Paris", "").status.unwrap().ok);
        assert!(CommuneView::of("", "").status.is_none());
        // A name and a code of two communes: said, the code deciding as a stated hypothèse.
        let both = CommuneView::of("Craponne", "69244").status.unwrap();
        assert!(!both.ok);
        assert!(
            both.text
                .contains("« Craponne » est celui d'une autre commune, Craponne (69069)")
                && both
                    .text
                    .contains("le code INSEE décide (Tassin-la-Demi-Lune), par hypothèse"),
            "{}",
            both.text
        );
        assert!(
            CommuneView::of("Tassin-la-Demi-Lune", "69244")
                .status
                .unwrap()
                .ok
        );
    }

    #[test]
    fn two_simulations_compared_and_the_territory() {
        let mut state = AppState::new(Library::first_visit("t"));
        let today = day(2026, 11, 30);
        let action = crate::compare::terminate_variant(state.library.current(), today).unwrap();
        state.apply(action);
        let c = CompareView::of(&state.compared_entries(), today).unwrap();
        assert_eq!(c.names.len(), 2);
        assert_eq!(c.inputs[0].0, "Lettre de résiliation reçue le");
        assert_eq!(c.total.head, "Total");
        assert_eq!(c.total.amounts, ["2 550,00 €", "2 100,00 €"]);
        assert_eq!(c.total.gaps, [("−450,00 €".to_string(), "money gap less")]);
        assert_eq!(c.years.len(), 5);
        assert_eq!(c.years[4].amounts[1], "—", "no fifth year in the variant");
        assert_eq!(c.chart.years[0].1.len(), 2);
        assert!(c.chart.label.starts_with("Redevances par exercice ("));
        assert_eq!(c.next.len(), 2);
        assert!(c.no_input.is_none());

        let mut t = TerritoryState::default();
        t.apply(TerritoryAction::Read(
            1,
            "b.json".into(),
            samples::TASSIN_JSON.into(),
        ));
        let v = TerritoryView::of(&t, today);
        assert!(
            v.joined.starts_with("Au 30/11/2026 : 1 commune sur 58"),
            "{}",
            v.joined
        );
        let table = v.table(Some((SortKey::Total, true)));
        assert_eq!(table.communes[0][3], "2 550,00 €");
        assert_eq!(table.columns[3].2, "descending");
        assert_eq!(v.totals[2], "2 550,00 €");
        assert_eq!(v.shares[0][0], "Hébergement (17 %)");
        assert_eq!(v.shares_totals[1], "93 750,00 €", "625 schools at 150 €");
        assert!(v.chart_label().contains("2024 : 750,00 €"));
        assert!(v.titles.iter().any(|(m, _, _)| m == "11/2023"));
        assert_eq!(
            v.late.2,
            Err("Aucune commune cette année (2026).".to_string())
        );
        assert_eq!(table.communes_budget[0].1.len(), v.budget_years.len());
    }
}
