//! The full report of a territory-sized scenario: 625 schools in groups, a 30-year horizon,
//! removals and additions. `make bench` runs it; the README keeps the figure.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use laclasse_sim::engine::simulate;
use laclasse_sim::io::schema::Field;
use laclasse_sim::io::{report, samples};

fn bench(c: &mut Criterion) {
    let scenario = samples::territory(625, 30);
    c.bench_function("simulate 625 écoles × 30 ans", |b| {
        b.iter(|| simulate(black_box(&scenario)))
    });
    c.bench_function("rapport JSON complet 625 écoles × 30 ans", |b| {
        b.iter(|| report::to_json(&simulate(black_box(&scenario))))
    });
    // The web app's path on every keystroke: the draft as typed → the scenario → the figures.
    let draft = laclasse_sim::web::draft::Draft::from_value(&laclasse_sim::io::scenario::to_value(
        &scenario,
    ));
    c.bench_function("saisie → scénario validé, 625 écoles", |b| {
        b.iter(|| laclasse_sim::io::parse_value(&black_box(&draft).to_value()))
    });
    // A keystroke in the fee field: the live computation reads the head again, lends the 625
    // schools' readings it kept, and simulates (the frame's script before drawing).
    let mut live = laclasse_sim::web::live::Live::default();
    live.compute(&draft);
    let mut fee = 150;
    c.bench_function(
        "frappe dans la redevance, 625 écoles (calcul en direct)",
        |b| {
            b.iter(|| {
                fee = if fee == 150 { 151 } else { 150 };
                let mut edited = draft.clone();
                edited.set(Field::AnnualFee, format!("{fee},00"));
                black_box(live.compute(&edited))
            })
        },
    );
    c.bench_function("copie du brouillon, 625 écoles", |b| {
        b.iter(|| black_box(&draft).clone())
    });
    // The Métropole's view: 58 communes of 10 to 60 schools, over 30 years, each simulated,
    // then set together (issue 14).
    let counts: Vec<usize> = (0..58).map(|i| 10 + (i * 37) % 51).collect();
    let communes = samples::metropole(&counts, 30);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    c.bench_function(
        "territoire : 58 communes de 10 à 60 écoles × 30 ans (simulations + totaux)",
        |b| {
            b.iter(|| {
                let sims: Vec<_> = communes.iter().map(simulate).collect();
                let compared: Vec<laclasse_sim::engine::compare::Compared> = communes
                    .iter()
                    .zip(&sims)
                    .map(|(scenario, sim)| laclasse_sim::engine::compare::Compared {
                        name: &scenario.commune.name,
                        scenario,
                        sim,
                    })
                    .collect();
                black_box(laclasse_sim::engine::territory::territory(&compared, today))
            })
        },
    );
    let text = samples::TASSIN_JSON;
    c.bench_function("lecture + simulation de tassin.json", |b| {
        b.iter(|| simulate(&laclasse_sim::io::parse_str(black_box(text)).unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
