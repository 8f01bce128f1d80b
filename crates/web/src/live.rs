//! The live computation: the draft as typed, read and simulated on every change. A keystroke in
//! a 625-school scenario must reach the figures within a frame, so each school's reading is kept
//! by its page id and only a school whose draft changed is read again.

use std::collections::HashMap;
use std::rc::Rc;

use super::draft::{Draft, SchoolDraft};
use engine::simulate::simulate_fees;
use engine::{Scenario, School, Simulation, simulate};
use io::FieldError;
use io::scenario::{parse_parts, parse_school};

/// A valid scenario and what the engine computed of it. Opaque to the app: its components
/// read it only through the views ([`crate::views`]), which say what each section shows.
#[derive(Clone, Debug)]
pub struct Figures {
    scenario: Rc<Scenario>,
    sim: Rc<Simulation>,
}

impl Figures {
    /// `scenario` and its simulation.
    pub(crate) fn new(scenario: Rc<Scenario>, sim: Rc<Simulation>) -> Figures {
        Figures { scenario, sim }
    }

    /// The scenario.
    pub(crate) fn scenario(&self) -> &Rc<Scenario> {
        &self.scenario
    }

    /// Its simulation.
    pub(crate) fn sim(&self) -> &Rc<Simulation> {
        &self.sim
    }

    /// Whether both are the same computation (the same shared simulation).
    pub fn is(&self, other: &Figures) -> bool {
        Rc::ptr_eq(&self.sim, &other.sim)
    }
}

/// Shared figures are equal at once; others compare what they hold.
impl Figures {
    /// The same computation (shared), without comparing its content: cheap enough for a
    /// component's props on every keystroke.
    pub fn same(&self, other: &Figures) -> bool {
        Rc::ptr_eq(&self.sim, &other.sim)
    }
}

impl PartialEq for Figures {
    fn eq(&self, other: &Figures) -> bool {
        (Rc::ptr_eq(&self.sim, &other.sim) || self.sim == other.sim)
            && (Rc::ptr_eq(&self.scenario, &other.scenario) || self.scenario == other.scenario)
    }
}

/// What the engine made of a draft: its errors, or the scenario and its simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    /// Every error of the draft, each with its field.
    pub errors: Rc<Vec<FieldError>>,
    /// The figures, when the draft has no error.
    pub result: Option<Figures>,
}

/// A school as last read: its draft, its position, and what reading it gave.
type Reading = (Rc<SchoolDraft>, usize, Result<School, Vec<FieldError>>);

/// The schools of a valid scenario, with the drafts they were read from.
type Assembled = (Vec<Rc<SchoolDraft>>, Rc<Vec<School>>);

/// The live computation, with each school's last reading.
#[derive(Debug, Default)]
pub struct Live {
    cache: HashMap<u64, Reading>,
    /// The schools of the last valid scenario, with the drafts they were read from: while the
    /// drafts are the same (the same `Rc`s, in the same order), an edit of the head (the fee,
    /// a date) reads the head alone and shares these schools.
    assembled: Option<Assembled>,
    /// How many schools have been read since the start (to check that an edit reads one).
    pub schools_read: usize,
}

impl Live {
    /// Reads and simulates `draft`, reading again only the schools that changed (another
    /// `Rc`, or another position, since errors name the position).
    pub fn compute(&mut self, draft: &Draft) -> Computed {
        self.compute_with(draft, simulate)
    }

    /// [`Live::compute`] with the convention's rules only (`engine::simulate_fees`): what the
    /// first figures show, in a module that does not carry the council's rules.
    pub fn compute_fees(&mut self, draft: &Draft) -> Computed {
        self.compute_with(draft, simulate_fees)
    }

    fn compute_with(&mut self, draft: &Draft, simulate: fn(&Scenario) -> Simulation) -> Computed {
        // The schools read without error last time, if their drafts are unchanged.
        let shared = self
            .assembled
            .as_ref()
            .filter(|(drafts, _)| {
                drafts.len() == draft.schools.len()
                    && drafts
                        .iter()
                        .zip(&draft.schools)
                        .all(|(a, b)| Rc::ptr_eq(a, b))
            })
            .map(|(_, schools)| schools.clone());
        let read = match shared {
            // Then the head alone is read, and the schools shared.
            Some(schools) => parse_parts(&draft.head_value(), &[]).map(|mut scenario| {
                scenario.schools = schools;
                scenario
            }),
            None => self.read_with_schools(draft),
        };
        match read {
            Ok(scenario) => {
                let sim = simulate(&scenario);
                Computed {
                    errors: Rc::new(Vec::new()),
                    result: Some(Figures::new(Rc::new(scenario), Rc::new(sim))),
                }
            }
            Err(errors) => Computed {
                errors: Rc::new(errors),
                result: None,
            },
        }
    }

    /// Reads the head and every school, again only the schools that changed (another `Rc`,
    /// or another position, since errors name the position); every reading is lent, not
    /// copied, to the scenario's reader. A valid scenario's schools are kept for the next edit.
    fn read_with_schools(&mut self, draft: &Draft) -> Result<Scenario, Vec<FieldError>> {
        for (i, s) in draft.schools.iter().enumerate() {
            let fresh = matches!(self.cache.get(&s.id), Some((seen, index, _)) if *index == i && Rc::ptr_eq(seen, s));
            if !fresh {
                let read = parse_school(&s.to_value(), i);
                self.schools_read += 1;
                self.cache.insert(s.id, (s.clone(), i, read));
            }
        }
        if self.cache.len() > draft.schools.len() * 2 + 16 {
            self.cache
                .retain(|id, _| draft.schools.iter().any(|s| s.id == *id));
        }
        let schools: Vec<&Result<School, Vec<FieldError>>> = draft
            .schools
            .iter()
            .filter_map(|s| self.cache.get(&s.id).map(|(_, _, read)| read))
            .collect();
        let read = parse_parts(&draft.head_value(), &schools);
        self.assembled = read
            .as_ref()
            .ok()
            .map(|scenario| (draft.schools.clone(), scenario.schools.clone()));
        read
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, AppState, Library};
    use io::samples;
    use io::scenario::parse_value;
    use io::schema::{Field, SchoolField};

    /// What reading the whole draft at once gives.
    fn full(draft: &Draft) -> Result<Scenario, Vec<FieldError>> {
        parse_value(&draft.to_value())
    }

    fn same(live: &Computed, draft: &Draft) {
        match (&live.result, full(draft)) {
            (Some(f), Ok(expected)) => {
                assert_eq!(**f.scenario(), expected);
                assert_eq!(**f.sim(), simulate(&expected));
            }
            (None, Err(expected)) => assert_eq!(*live.errors, expected),
            (got, want) => panic!("live {got:?} but whole {want:?}"),
        }
    }

    #[test]
    fn an_edit_reads_one_school_again_and_gives_what_a_full_read_gives() {
        let mut state = AppState::new(Library::first_visit("t"));
        let mut live = Live::default();
        same(&live.compute(state.draft()), state.draft());
        assert_eq!(live.schools_read, 4);

        let id = state.draft().schools[2].id;
        state.apply(Action::EditSchool(
            id,
            SchoolField::Name,
            "École du Lac".into(),
        ));
        same(&live.compute(state.draft()), state.draft());
        assert_eq!(live.schools_read, 5, "only the edited school is read again");

        // A field outside the schools reads no school.
        state.apply(Action::Edit(Field::AnnualFee, "175,50".into()));
        let computed = live.compute(state.draft());
        same(&computed, state.draft());
        assert_eq!(live.schools_read, 5);
        let figures = computed.result.unwrap();
        let (scenario, sim) = (figures.scenario(), figures.sim());
        assert_eq!(sim.annual_fee.cents(), 17_550);

        // …and shares the schools of the last valid scenario instead of copying them.
        state.apply(Action::Edit(Field::AnnualFee, "176,00".into()));
        let again = live.compute(state.draft());
        same(&again, state.draft());
        let shared = again.result.clone().unwrap();
        assert!(Rc::ptr_eq(&shared.scenario().schools, &scenario.schools));

        // An invalid head, then a valid one: the same figures as a whole read, schools shared.
        state.apply(Action::Edit(Field::Notified, "2023-02-30".into()));
        same(&live.compute(state.draft()), state.draft());
        state.apply(Action::Edit(Field::Notified, "2023-11-16".into()));
        let back = live.compute(state.draft());
        same(&back, state.draft());
        assert!(Rc::ptr_eq(
            &back.result.unwrap().scenario().schools,
            &scenario.schools
        ));
        assert_eq!(live.schools_read, 5);

        // A school edited after them is read, and the schools assembled again.
        state.apply(Action::EditSchool(
            id,
            SchoolField::Name,
            "École du Lac 2".into(),
        ));
        let edited = live.compute(state.draft());
        same(&edited, state.draft());
        assert!(!Rc::ptr_eq(
            &edited.result.unwrap().scenario().schools,
            &scenario.schools
        ));
        assert_eq!(live.schools_read, 6);
    }

    #[test]
    fn errors_follow_the_school_when_rows_move() {
        let mut state = AppState::new(Library::first_visit("t"));
        let mut live = Live::default();
        let id = state.draft().schools[3].id;
        state.apply(Action::EditSchool(
            id,
            SchoolField::Requested,
            "2023-02-30".into(),
        ));
        let computed = live.compute(state.draft());
        same(&computed, state.draft());
        assert_eq!(computed.errors[0].path, "schools[3].requested");
        // Deleting the first school moves the invalid one to index 2: its error says so.
        let first = state.draft().schools[0].id;
        state.apply(Action::DeleteSchool(first));
        let computed = live.compute(state.draft());
        same(&computed, state.draft());
        assert_eq!(computed.errors[0].path, "schools[2].requested");
        assert_eq!(
            computed.errors[0].for_people(),
            "Demande reçue le (école 3) : \"2023-02-30\" n'est pas une date valide (format attendu AAAA-MM-JJ, par exemple 2023-11-16)"
        );
    }

    #[test]
    fn a_territory_sized_draft_computes_as_a_whole() {
        let scenario = samples::territory(60, 10);
        let draft = Draft::from_value(&io::scenario::to_value(&scenario));
        let mut live = Live::default();
        let computed = live.compute(&draft);
        same(&computed, &draft);
        let read = computed.result.unwrap().scenario().clone();
        assert_eq!(read.schools, scenario.schools);
        assert_eq!(read.convention, scenario.convention);
    }
}
