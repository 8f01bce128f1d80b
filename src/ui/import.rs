//! "Importer des écoles (CSV)": the person maps columns to fields, sees a preview with each
//! line's errors, and nothing changes until they confirm.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::Dispatch;
use super::use_exporter::{ExportJob, Exporter, Status};
use crate::web::app::schema::SchoolField;
use crate::web::app::worker::ExportRequest;
use crate::web::csv_import::{CsvFile, CsvText, column_choices, column_label};
use crate::web::state::Action;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub dispatch: Dispatch,
}

const PREVIEW: usize = 20;

#[function_component(ImportSchools)]
pub fn import_schools(p: &ImportProps) -> Html {
    let loaded = use_state(|| None::<CsvFile>);
    // The file being read, and what the worker says of it (the csv crate and the decoding are
    // in the worker, out of the first load).
    let reading = use_state(String::new);
    let status: Status = use_state(|| None);
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let reader = use_mut_ref(|| None::<gloo_file::callbacks::FileReader>);
    let input = use_node_ref();

    // Reads `bytes` in the worker (with `separator`, or the one detected), then shows the file.
    let read_in_worker = {
        let (export, loaded, status) = (export.clone(), loaded.clone(), status.clone());
        move |name: String, bytes: Vec<u8>, separator: Option<u8>, has_header: Option<bool>| {
            let (loaded, said) = (loaded.clone(), status.clone());
            export.emit(ExportJob {
                request: ExportRequest::ReadCsv { bytes, separator },
                status: status.clone(),
                failed: None,
                done: Callback::from(move |json: Vec<u8>| {
                    // Read as text: the page's JSON reader is already there for text.
                    let read = std::str::from_utf8(&json)
                        .ok()
                        .and_then(|t| serde_json::from_str::<CsvText>(t).ok());
                    match read {
                        Some(read) => {
                            said.set(None);
                            loaded.set(Some(CsvFile::from_text(name.clone(), read, has_header)));
                        }
                        None => said.set(Some((true, "le fichier n'a pas pu être lu".into()))),
                    }
                }),
            })
        }
    };

    let pick = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_file = {
        let (loaded, status, reading) = (loaded.clone(), status.clone(), reading.clone());
        let reader = reader.clone();
        let read_in_worker = read_in_worker.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = el.files().and_then(|f| f.get(0)) else {
                return;
            };
            el.set_value("");
            let name = file.name();
            reading.set(name.clone());
            loaded.set(None);
            let (status, read_in_worker) = (status.clone(), read_in_worker.clone());
            let task =
                gloo_file::callbacks::read_as_bytes(&gloo_file::File::from(file), move |bytes| {
                    match bytes {
                        Ok(bytes) => read_in_worker(name.clone(), bytes, None, None),
                        Err(_) => status.set(Some((
                            true,
                            "le navigateur n'a pas pu lire le fichier".into(),
                        ))),
                    }
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let said = match (*status).clone() {
        Some((true, m)) => html! {
            <p class="error" role="alert" id="import-erreur">{ format!("« {} » : {m}. Aucune école n'a été ajoutée.", *reading) }</p>
        },
        Some((false, m)) => html! { <p class="hint" role="status">{ m }</p> },
        None => Html::default(),
    };

    let picker = html! {
        <>
            <button type="button" id="importer-csv" onclick={pick}>{ "Importer des écoles (CSV)…" }</button>
            <input type="file" ref={input} id="fichier-csv" class="visually-hidden" accept=".csv,text/csv,text/plain" onchange={on_file} tabindex="-1" aria-hidden="true" />
        </>
    };
    let Some(l) = (*loaded).clone() else {
        return html! {
            <div class="import">
                { picker }
                { said }
            </div>
        };
    };

    let schools = l.schools();
    let with_errors = schools.iter().filter(|r| !r.errors.is_empty()).count();
    let set_separator = {
        let l = l.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let sep = match v.as_str() {
                "," => b',',
                "tab" => b'\t',
                _ => b';',
            };
            read_in_worker(
                l.file.clone(),
                l.text().as_bytes().to_vec(),
                Some(sep),
                Some(l.has_header),
            );
        })
    };
    let set_header = {
        let loaded = loaded.clone();
        let l = l.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            loaded.set(Some(l.with_header(checked)));
        })
    };
    let set_column = |i: usize| {
        let loaded = loaded.clone();
        let l = l.clone();
        Callback::from(move |e: Event| {
            let v: usize = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(0);
            let column = column_choices().get(v).copied().flatten();
            loaded.set(Some(l.with_column(i, column)));
        })
    };
    let confirm = {
        let loaded = loaded.clone();
        let dispatch = p.dispatch.clone();
        let chosen: Vec<_> = schools.iter().map(|r| r.school.clone()).collect();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::AddSchools(chosen.clone()));
            loaded.set(None);
        })
    };
    let cancel = {
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| loaded.set(None))
    };
    let sample = |i: usize| l.sample(i);
    let preview = [
        SchoolField::Name,
        SchoolField::Requested,
        SchoolField::Level,
    ];
    html! {
        <div class="import open" role="region" aria-label="Import d'écoles">
            { picker }
            <h3>{ format!("Import de « {} » : {} ligne(s)", l.file, schools.len()) }</h3>
            { said }
            <div class="row">
                <div class="field">
                    <label for="import-separateur">{ "Séparateur" }</label>
                    <select id="import-separateur" onchange={set_separator}>
                        <option value=";" selected={l.separator == b';'}>{ "point-virgule ;" }</option>
                        <option value="," selected={l.separator == b','}>{ "virgule ," }</option>
                        <option value="tab" selected={l.separator == b'\t'}>{ "tabulation" }</option>
                    </select>
                </div>
                <label class="check"><input type="checkbox" id="import-entete" checked={l.has_header} onchange={set_header} />{ " La première ligne est un en-tête" }</label>
            </div>
            <div class="table-scroll">
            <table tabindex="0" class="figures mapping">
                <caption>{ "Correspondance des colonnes" }</caption>
                <thead><tr>{ for l.columns.iter().enumerate().map(|(i, _)| html! {
                    <th scope="col">{ if l.has_header { sample(i) } else { format!("Colonne {}", i + 1) } }</th>
                }) }</tr></thead>
                <tbody><tr>{ for l.columns.iter().enumerate().map(|(i, c)| html! {
                    <td><select id={format!("import-colonne-{i}")} aria-label={format!("Champ de la colonne {} ({})", i + 1, sample(i))} onchange={set_column(i)}>
                        { for column_choices().into_iter().enumerate().map(|(k, col)| html! { <option value={k.to_string()} selected={col == *c}>{ column_label(col) }</option> }) }
                    </select></td>
                }) }</tr></tbody>
            </table>
            </div>
            <table tabindex="0" class="figures preview" id="import-apercu">
                <caption>{ format!("Aperçu ({} ligne(s) avec erreur)", with_errors) }</caption>
                <thead><tr><th scope="col">{ "Ligne" }</th>{ for preview.map(|f| html! { <th scope="col">{ f.label() }</th> }) }<th scope="col">{ "Erreurs" }</th></tr></thead>
                <tbody>{ for schools.iter().take(PREVIEW).map(|r| html! {
                    <tr class={classes!((!r.errors.is_empty()).then_some("bad"))}>
                        <td>{ r.line }</td>{ for preview.map(|f| html! { <td>{ r.school.get(f) }</td> }) }
                        <td class="findings-cell">{ r.errors.iter().map(|e| e.for_people()).collect::<Vec<_>>().join(" ; ") }</td>
                    </tr>
                }) }</tbody>
            </table>
            if schools.len() > PREVIEW { <p class="hint">{ format!("… et {} autre(s) ligne(s).", schools.len() - PREVIEW) }</p> }
            <div class="toolbar">
                <button type="button" class="primary" id="import-confirmer" onclick={confirm}>{ format!("Ajouter les {} écoles", schools.len()) }</button>
                <button type="button" id="import-annuler" onclick={cancel}>{ "Annuler" }</button>
            </div>
            if with_errors > 0 { <p class="hint">{ "Les lignes en erreur sont ajoutées telles quelles ; leurs erreurs s'affichent ensuite dans le tableau, à corriger." }</p> }
        </div>
    }
}
