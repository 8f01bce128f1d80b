//! The first figures: what the page shows while the app itself loads. A small module without
//! Yew (`laclasse-sim-figures`, see `ui::first_figures`) opens the simulation the app will open,
//! computes it with the same engine and writes this HTML into the page; the app, loaded right
//! after, replaces it. The summary, the fees per convention year and per budget year are drawn
//! with the app's own classes and ids, so the figures stay where they are when the app takes
//! over; nothing here can be clicked or typed into, so nothing typed can be lost.

use chrono::NaiveDate;

use super::draft::Draft;
use super::live::{Figures, Live};
use super::share::{decode_compare, decode_share, shared_name};
use super::storage::{self, KeyValue, Overlay, Start};
use super::summary::summary;
use super::views::fees::{FeeCells, FeesView};
use engine::{Clause, Simulation};
use io::exports::document::esc;

/// What the first figures show: the simulation's name, whether it is the example, its draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The name shown above the figures.
    pub name: String,
    /// The first visit's example.
    pub example: bool,
    /// The scenario as typed.
    pub draft: Draft,
}

/// The simulation the app will open on this address: the one [`storage::load`] picks, read
/// through an [`Overlay`] so that nothing is written (none while version 1's data waits for
/// the app to migrate it); for a shared link (`#s=…`) or a
/// comparison's link (`#comparer=…`), the one the app will open from it, as it will open it
/// (an identical simulation reopened, else a new one). `None` for a link that cannot be read:
/// the app says why.
pub fn opened(kv: &dyn KeyValue, start: &Start, hash: &str) -> Option<Opened> {
    let state = storage::load_to_read(&mut Overlay::new(kv), start)?;
    // What a link opens: the simulation it reopens (`Library::identical`, as the app's import
    // does), else a new one under the link's name.
    let from_link = |name: String, draft: Draft, by_name: bool| {
        let same = state
            .library
            .identical(&draft, by_name.then_some(name.as_str()));
        Some(match same {
            Some(e) => Opened {
                name: e.name.clone(),
                example: e.example,
                draft,
            },
            None => Opened {
                name,
                example: false,
                draft,
            },
        })
    };
    if let Some(link) = decode_share(hash) {
        let draft = link.ok()?;
        return from_link(shared_name(&draft), draft, false);
    }
    if let Some(link) = decode_compare(hash) {
        let (name, draft) = link.ok()?.into_iter().next()?;
        return from_link(name, draft, true);
    }
    let entry = state.library.current();
    Some(Opened {
        name: entry.name.clone(),
        example: entry.example,
        draft: (*entry.draft).clone(),
    })
}

/// The page's first figures for `opened` on `today`; `None` while its scenario has an error
/// (the app shows the errors with their fields).
pub fn first_figures_html(opened: &Opened, today: NaiveDate) -> Option<String> {
    let figures = Live::default().compute_fees(&opened.draft).result?;
    let sim = figures.sim();
    let mut h = String::with_capacity(8 * 1024);
    h.push_str(concat!(
        r#"<header class="top"><div class="brand"><h1>laclasse-sim</h1>"#,
        r#"<p class="tagline">Simulateur de la convention laclasse.com de la Métropole de Lyon</p></div>"#,
        r#"<p class="privacy">Vos données restent dans ce navigateur : rien n'est envoyé, tout est calculé ici.</p>"#,
        // The app's toolbar, inactive until the app takes over: the page keeps its height.
        r#"<nav class="toolbar" aria-label="Actions sur la simulation (en chargement)"><button type="button" disabled>Nouvelle simulation</button><button type="button" disabled>Ouvrir un fichier…</button><button type="button" disabled>Enregistrer (.json)</button><button type="button" disabled>Copier le lien</button><button type="button" disabled>Imprimer</button></nav></header>"#,
        r#"<div class="current-simulation"><h2 class="simulation-name">"#
    ));
    h.push_str(&esc(&opened.name));
    if opened.example {
        h.push_str(r#"<span class="badge">exemple</span>"#);
    }
    h.push_str(r#"</h2></div>"#);
    summary_html(&mut h, sim, today);
    h.push_str(concat!(
        r#"<main class="layout"><section class="inputs" aria-label="Saisie"><p class="loading">Chargement de la saisie…</p></section>"#,
        r#"<section id="resultats" class="results" aria-label="Résultats">"#
    ));
    fees_html(&mut h, &figures);
    h.push_str("</section></main>");
    Some(h)
}

fn summary_html(h: &mut String, sim: &Simulation, today: NaiveDate) {
    h.push_str(r#"<section class="summary" id="resume" aria-labelledby="resume-titre"><h2 id="resume-titre">En bref</h2><dl>"#);
    for l in summary(sim, today).lines() {
        h.push_str(&format!(r#"<div><dt>{}</dt><dd id="{}">"#, l.label, l.id));
        if !l.figure.is_empty() {
            h.push_str(&format!("<strong>{}</strong>", esc(&l.figure)));
        }
        h.push_str(&esc(&l.rest));
        h.push_str("</dd></div>");
    }
    h.push_str("</dl></section>");
}

fn clause(c: Clause) -> String {
    format!(
        r#"<span class="clause" title="{}">{}</span>"#,
        esc(c.quote()),
        c.reference()
    )
}

/// A fee and, with groups, both readings and their gap, as `<td class="money">` cells.
fn money_cells(h: &mut String, c: &FeeCells) {
    h.push_str(&format!(r#"<td class="money">{}</td>"#, c.fee));
    for m in c.readings.iter().flatten() {
        h.push_str(&format!(r#"<td class="money">{m}</td>"#));
    }
}

/// The fees section as the app's component draws it (`ui::fees`), from the same view.
fn fees_html(h: &mut String, figures: &Figures) {
    let v = FeesView::of(figures);
    h.push_str(&format!(
        r#"<section class="fees" aria-labelledby="redevances-titre"><h2 id="redevances-titre">Redevances</h2><p class="lead">{} {}</p>"#,
        v.lead,
        clause(FeesView::LEAD_CLAUSE)
    ));
    h.push_str(&format!(
        r#"<table tabindex="0" class="figures" id="annees-convention"><caption>Par année de convention {}</caption><thead><tr><th scope="col">N°</th><th scope="col">Du</th><th scope="col">Au</th><th scope="col">{}</th><th scope="col">Montant</th>"#,
        clause(FeesView::YEARS_CLAUSE),
        v.units_header
    ));
    if v.both {
        h.push_str(r#"<th scope="col">Lecture par école</th><th scope="col">Lecture par groupe</th><th scope="col">Écart</th>"#);
    }
    h.push_str(r#"<th scope="col"><span class="visually-hidden">Explication</span></th></tr></thead><tbody>"#);
    for y in &v.years {
        h.push_str(&format!(
            r#"<tr><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td>"#,
            y.number, y.from, y.to, y.units
        ));
        money_cells(h, &y.fee);
        h.push_str("<td></td></tr>");
    }
    h.push_str(r#"</tbody><tfoot><tr><th scope="row" colspan="4">Total</th>"#);
    money_cells(h, &v.total);
    h.push_str("<td></td></tr></tfoot></table>");
    if v.two_readings {
        let (note, c) = FeesView::TWO_READINGS;
        h.push_str(&format!(
            r#"<p class="hypothese">{} {}</p>"#,
            esc(note),
            clause(c)
        ));
    }
    let b = &v.budget;
    h.push_str(&format!(
        r#"<table tabindex="0" class="figures" id="exercices"><caption>Par exercice budgétaire (titres de recette) {}</caption><thead><tr><th scope="col">Exercice</th><th scope="col">Montant</th>"#,
        clause(FeesView::BUDGET_CLAUSE)
    ));
    if b.both {
        h.push_str(r#"<th scope="col">Par école</th><th scope="col">Par groupe</th>"#);
    }
    h.push_str(r#"<th scope="col"><span class="visually-hidden">Explication</span></th></tr></thead><tbody>"#);
    for row in &b.rows {
        h.push_str(&format!(
            r#"<tr><td>{}</td><td class="money">{}</td>"#,
            row.year, row.fee
        ));
        for m in row.readings.iter().flatten() {
            h.push_str(&format!(r#"<td class="money">{m}</td>"#));
        }
        h.push_str("<td></td></tr>");
    }
    h.push_str("</tbody></table></section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::encode_share;
    use crate::state::Action;
    use crate::storage::{MemoryStore, persist};
    use crate::summary::TWO_READINGS_NOTE;
    use io::samples;
    use io::schema::Field;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn start() -> Start {
        Start {
            tab: "t1".into(),
            now_ms: 1,
            now_text: "2026-11-30 08:00:00".into(),
            open: None,
        }
    }

    #[test]
    fn a_first_visit_shows_the_example_s_figures_and_writes_nothing() {
        let kv = MemoryStore::default();
        let opened = opened(&kv, &start(), "").unwrap();
        assert!(opened.example);
        let html = first_figures_html(&opened, day(2026, 11, 30)).unwrap();
        // Tassin's year 4 (16/11/2026 – 15/11/2027): three schools, 450 €, as the app says.
        assert!(html.contains(r#"<dd id="resume-annee"><strong>450,00 €</strong> (n° 4, du 16/11/2026 au 15/11/2027)</dd>"#), "{html}");
        assert!(html.contains(r#"<td>4</td><td>16/11/2026</td><td>15/11/2027</td><td class="num">3</td><td class="money">450,00 €</td>"#), "{html}");
        assert!(html.contains(r#"id="annees-convention""#) && html.contains(r#"id="exercices""#));
        assert!(html.contains(r#"<span class="badge">exemple</span>"#));
        // Tassin's schools share groups: the two readings are said, as the app says them.
        assert!(html.contains(&format!(
            r#"<p class="hypothese">{} "#,
            esc(TWO_READINGS_NOTE)
        )));
        assert!(kv.map.is_empty(), "the first figures wrote {:?}", kv.map);
    }

    #[test]
    fn the_stored_simulation_the_app_opens_is_the_one_shown() {
        let mut kv = MemoryStore::default();
        let mut state = storage::load(&mut kv, &start());
        state.apply(Action::NewSimulation);
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        draft.set(Field::CommuneName, "Écully <&> \"test\"");
        state.apply(Action::Import {
            name: "Écully <1>".into(),
            draft: Box::new(draft),
        });
        persist(&mut state, &mut kv);
        let id = state.library.current.clone();
        let before = kv.map.clone();
        let s = Start {
            open: Some(id.clone()),
            ..start()
        };
        let opened = opened(&kv, &s, &format!("#sim={id}")).unwrap();
        assert_eq!(opened.name, "Écully <1>");
        assert!(!opened.example);
        let html = first_figures_html(&opened, day(2026, 11, 30)).unwrap();
        assert!(
            html.contains("Écully &lt;1&gt;") && !html.contains("<1>"),
            "{html}"
        );
        assert_eq!(kv.map, before);
        // The app, loading the same store, opens the same simulation.
        assert_eq!(storage::load(&mut kv, &s).library.current, id);
    }

    #[test]
    fn a_shared_link_s_figures_are_the_simulation_the_app_will_open() {
        let kv = MemoryStore::default();
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        draft.set(Field::AnnualFee, "175,00");
        let shared = opened(&kv, &start(), &encode_share(&draft)).unwrap();
        assert_eq!(shared.name, "Lien partagé : Tassin-la-Demi-Lune");
        assert!(!shared.example);
        assert_eq!(shared.draft.text(Field::AnnualFee), "175,00");
        let html = first_figures_html(&shared, day(2026, 11, 30)).unwrap();
        assert!(html.contains("700,00 €"), "{html}");
        // The example itself, shared: the app reopens the example, and so do the figures.
        let example = Draft::from_json(samples::TASSIN_JSON).unwrap();
        assert!(
            opened(&kv, &start(), &encode_share(&example))
                .unwrap()
                .example
        );
        // A comparison's link: its first simulation, as the app opens it.
        let hash =
            crate::share::compare_hash(&[("Budget 175", &draft), ("Exemple", &example)]).unwrap();
        let first = opened(&kv, &start(), &hash).unwrap();
        assert_eq!(
            (first.name.as_str(), first.draft.text(Field::AnnualFee)),
            ("Budget 175", "175,00")
        );
        // Version 1's data: only the app migrates it; no first figures until then.
        let mut legacy = MemoryStore::default();
        legacy
            .set(
                storage::LEGACY_KEY,
                r#"{"version":1,"current":1,"entries":[]}"#,
            )
            .unwrap();
        assert_eq!(opened(&legacy, &start(), ""), None);
        // A damaged link: no figures here, the app says why.
        assert_eq!(opened(&kv, &start(), "#s=%%%"), None);
        assert!(opened(&kv, &start(), "#sim=exemple").is_some());
    }

    #[test]
    fn a_scenario_with_an_error_shows_no_figures() {
        let mut draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        draft.set(Field::Notified, "31/02/2023");
        let opened = Opened {
            name: "x".into(),
            example: false,
            draft,
        };
        assert_eq!(first_figures_html(&opened, day(2026, 11, 30)), None);
    }
}
