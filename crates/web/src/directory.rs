//! « Importer depuis l'annuaire de l'éducation » : the open commune's public first-degree
//! schools read from the directory's export (in the worker, `io::annuaire`), shown as a list to
//! tick: each with what the directory says, those already in the simulation marked and never
//! added twice, the simulation's schools absent from the directory said.

use engine::r10_eligibility::r10_commune;
use engine::scenario::{Commune, Level, Sector};
use io::annuaire::{Found, FoundList};
use io::schema::{Field, SchoolField};

use crate::draft::{Draft, SchoolDraft};

/// The commune the directory is read for: the simulation's, when one of the Métropole's (its
/// INSEE code and name); `None` while the commune is not chosen.
pub fn commune_of(draft: &Draft) -> Option<(String, String)> {
    let commune = Commune {
        name: draft.text(Field::CommuneName).to_string(),
        insee: Some(draft.text(Field::CommuneInsee).trim().to_string()).filter(|c| !c.is_empty()),
    };
    r10_commune(&commune)
        .record
        .map(|r| (r.insee.clone(), r.name.clone()))
}

/// Why the import cannot start yet.
pub const NO_COMMUNE: &str =
    "Choisissez d'abord la commune (nom ou code INSEE) : l'annuaire est lu pour ses écoles.";

/// Why the import cannot start for the commune typed: none, or not one of the 58.
pub fn no_commune_message(draft: &Draft) -> String {
    let name = draft.text(Field::CommuneName).trim();
    let code = draft.text(Field::CommuneInsee).trim();
    if name.is_empty() && code.is_empty() {
        NO_COMMUNE.to_string()
    } else {
        let typed = if name.is_empty() { code } else { name };
        format!(
            "« {typed} » n'est pas une des 58 communes de la Métropole de Lyon : l'annuaire n'est lu que pour elles."
        )
    }
}

/// What the page says once schools are added from the directory.
pub fn added_message(n: usize) -> String {
    match n {
        1 => {
            "1 école ajoutée depuis l'annuaire ; elle attend son administrateur (Détails ▸).".into()
        }
        n => format!(
            "{n} écoles ajoutées depuis l'annuaire ; chacune attend son administrateur (Détails ▸)."
        ),
    }
}

/// The add button's text for `n` schools ticked.
pub fn add_button(n: usize) -> String {
    match n {
        0 => "Aucune école cochée".into(),
        1 => "Ajouter l'école cochée".into(),
        n => format!("Ajouter les {n} écoles cochées"),
    }
}

/// A school of the directory, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryRow {
    /// Its rank in the worker's list.
    pub index: usize,
    /// Its name.
    pub name: String,
    /// Its UAI.
    pub uai: String,
    /// « maternelle », « élémentaire », « primaire ».
    pub level: &'static str,
    /// What the directory says (address, opening, nature).
    pub says: String,
    /// « A FERMER »: said, and not ticked at first.
    pub warning: Option<String>,
    /// Already in the simulation (same UAI, or same name when one has no UAI): not added.
    pub already: bool,
}

/// The list to tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryChoice {
    /// « Annuaire de l'éducation : 6 écoles publiques du premier degré à Tassin-la-Demi-Lune ».
    pub title: String,
    /// Each school.
    pub rows: Vec<DirectoryRow>,
    /// The simulation's schools the directory does not hold: « closed? renamed? ».
    pub absent: Vec<String>,
    /// What the added schools will be: requested on the notification, waiting for their
    /// administrator (R10).
    pub note: String,
}

impl DirectoryChoice {
    /// The list for `found`, against the schools of `draft`.
    pub fn of(found: &FoundList, draft: &Draft, commune: &str) -> DirectoryChoice {
        let same = |s: &SchoolDraft, f: &Found| {
            let uai = s.get(SchoolField::Uai).trim();
            if !uai.is_empty() && !f.uai.is_empty() {
                uai.eq_ignore_ascii_case(&f.uai)
            } else {
                engine::text::fold_name(s.name()) == engine::text::fold_name(&f.name)
            }
        };
        let rows: Vec<DirectoryRow> = found
            .schools
            .iter()
            .enumerate()
            .map(|(index, f)| DirectoryRow {
                index,
                name: f.name.clone(),
                uai: f.uai.clone(),
                level: Level::from_code(&f.level).map_or("", Level::label),
                says: f.says.clone(),
                warning: f.warning.clone(),
                already: draft.schools.iter().any(|s| same(s, f)),
            })
            .collect();
        let absent = draft
            .schools
            .iter()
            .filter(|s| !s.name().trim().is_empty())
            .filter(|s| !found.schools.iter().any(|f| same(s, f)))
            .map(|s| {
                format!(
                    "« {} » n'est pas dans l'annuaire pour {commune} : fermée, renommée, ou d'un autre secteur ? À vérifier.",
                    s.name().trim()
                )
            })
            .collect();
        let n = found.schools.len();
        let notified = draft.text(Field::Notified).trim();
        DirectoryChoice {
            title: format!(
                "Annuaire de l'éducation : {n} école{} publique{} du premier degré à {commune}",
                if n > 1 { "s" } else { "" },
                if n > 1 { "s" } else { "" }
            ),
            rows,
            absent,
            note: if engine::dates::parse_iso(notified).is_some() {
                "Les écoles ajoutées sont demandées à la notification (liste initiale, Annexe 1) ; l'annuaire ne donne pas les administrateurs : chaque école attend le sien pour être éligible et facturée (R10)."
            } else {
                "Les écoles ajoutées attendent la date de leur demande (la notification, pour la liste initiale) et leur administrateur, que l'annuaire ne donne pas, pour être éligibles et facturées (R10)."
            }
            .to_string(),
        }
    }

    /// The rows ticked at first: those not in the simulation and not to close.
    pub fn ticked_at_first(&self) -> Vec<usize> {
        self.rows
            .iter()
            .filter(|r| !r.already && r.warning.is_none())
            .map(|r| r.index)
            .collect()
    }
}

/// The schools to add for the rows `chosen` of `found` (those already in the simulation left
/// out): name, UAI, level, public, requested on the notification when it is a date.
pub fn schools_to_add(
    found: &FoundList,
    choice: &DirectoryChoice,
    chosen: &[usize],
    draft: &Draft,
) -> Vec<SchoolDraft> {
    let notified = draft.text(Field::Notified).trim();
    let requested = if engine::dates::parse_iso(notified).is_some() {
        notified
    } else {
        ""
    };
    chosen
        .iter()
        .filter_map(|i| {
            choice
                .rows
                .get(*i)
                .filter(|r| !r.already)
                .and(found.schools.get(*i))
        })
        .map(|f| {
            let mut s = SchoolDraft::blank();
            s.set(SchoolField::Name, f.name.clone());
            s.set(SchoolField::Uai, f.uai.clone());
            s.set(SchoolField::Level, f.level.clone());
            s.set(SchoolField::Sector, Sector::Public.code());
            s.set(SchoolField::Requested, requested);
            s.directory = Some(f.says.clone());
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use io::samples;

    fn tassin_found() -> FoundList {
        io::annuaire::find(samples::DIRECTORY_EXAMPLE.as_bytes(), "69244").unwrap()
    }

    #[test]
    fn the_example_for_a_new_tassin_simulation() {
        let mut draft = Draft::default();
        draft.set(Field::CommuneName, "Tassin-la-Demi-Lune");
        draft.set(Field::Notified, "2025-01-15");
        assert_eq!(
            commune_of(&draft),
            Some(("69244".into(), "Tassin-la-Demi-Lune".into()))
        );
        let found = tassin_found();
        let choice = DirectoryChoice::of(&found, &draft, "Tassin-la-Demi-Lune");
        assert_eq!(
            choice.title,
            "Annuaire de l'éducation : 6 écoles publiques du premier degré à Tassin-la-Demi-Lune"
        );
        assert_eq!(choice.rows.len(), 6);
        // « Les Tilleuls », to close: said, not ticked at first.
        let tilleuls = choice
            .rows
            .iter()
            .find(|r| r.name.contains("Tilleuls"))
            .unwrap();
        assert!(tilleuls.warning.is_some());
        assert_eq!(choice.ticked_at_first().len(), 5);
        let added = schools_to_add(&found, &choice, &choice.ticked_at_first(), &draft);
        assert_eq!(added.len(), 5);
        assert!(added.iter().all(|s| {
            s.get(SchoolField::Requested) == "2025-01-15"
                && s.get(SchoolField::Sector) == "public"
                && s.get(SchoolField::Admin(io::schema::ContactField::LastName))
                    .is_empty()
        }));
        assert_eq!(added[0].get(SchoolField::Uai), "0693201E");
        assert_eq!(added[0].get(SchoolField::Level), "maternelle");
        // What the directory says stays with the draft, never in the scenario.
        assert!(
            added[0]
                .directory
                .as_deref()
                .unwrap()
                .starts_with("Annuaire de l'éducation : 1 rue des Écoles")
        );
        let mut with = draft.clone();
        with.schools.push(std::rc::Rc::new(added[0].clone()));
        assert!(!with.to_value().to_string().contains("1 rue des Écoles"));
        let stored = serde_json::to_string(&with).unwrap();
        let back: Draft = serde_json::from_str(&stored).unwrap();
        assert_eq!(back.schools[0].directory, added[0].directory);
    }

    #[test]
    fn schools_already_there_are_marked_and_never_added_twice_absent_ones_said() {
        let found = tassin_found();
        let mut draft = Draft::default();
        draft.set(Field::CommuneInsee, "69244");
        let mut by_uai = SchoolDraft::blank();
        by_uai.set(SchoolField::Name, "Maternelle Leclerc (nom de la commune)");
        by_uai.set(SchoolField::Uai, "0693201e");
        let mut by_name = SchoolDraft::blank();
        by_name.set(SchoolField::Name, "ECOLE ELEMENTAIRE LECLERC");
        let mut gone = SchoolDraft::blank();
        gone.set(SchoolField::Name, "École des Lilas");
        gone.set(SchoolField::Uai, "0690000Z");
        for mut s in [by_uai, by_name, gone] {
            s.id = draft.new_school().id;
            draft.schools.push(std::rc::Rc::new(s));
        }
        let choice = DirectoryChoice::of(&found, &draft, "Tassin-la-Demi-Lune");
        let already: Vec<&str> = choice
            .rows
            .iter()
            .filter(|r| r.already)
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(
            already,
            ["Ecole maternelle Leclerc", "Ecole élémentaire Leclerc"]
        );
        assert_eq!(
            choice.absent,
            [
                "« École des Lilas » n'est pas dans l'annuaire pour Tassin-la-Demi-Lune : fermée, renommée, ou d'un autre secteur ? À vérifier."
            ]
        );
        // Asked for every row, the two already there are still left out.
        let all: Vec<usize> = (0..found.schools.len()).collect();
        assert_eq!(schools_to_add(&found, &choice, &all, &draft).len(), 4);
    }

    #[test]
    fn without_a_commune_of_the_metropole_nothing_is_read() {
        let mut draft = Draft::default();
        assert_eq!(commune_of(&draft), None);
        assert_eq!(no_commune_message(&draft), NO_COMMUNE);
        draft.set(Field::CommuneName, "Grenoble");
        assert_eq!(commune_of(&draft), None);
        assert_eq!(
            no_commune_message(&draft),
            "« Grenoble » n'est pas une des 58 communes de la Métropole de Lyon : l'annuaire n'est lu que pour elles."
        );
        assert_eq!(add_button(0), "Aucune école cochée");
        assert_eq!(add_button(4), "Ajouter les 4 écoles cochées");
    }
}
