//! A draft of the council's deliberation, on the model of deliberation n° 2023-64 (visas,
//! considérants, four articles, vote), with its annex "établissements / groupes scolaires
//! utilisateurs", as a standalone HTML page.

use crate::engine::dates::fr;
use crate::engine::scenario::Scenario;
use crate::engine::{BillingUnit, Simulation};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The draft's only style. The page that opens the draft allows this style by its hash in its
/// Content-Security-Policy (`index.html`): a test checks that the two agree.
pub const DRAFT_STYLE: &str = "body{font-family:serif;max-width:46rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.2rem .4rem}.m{text-align:right;white-space:nowrap}";

/// The draft as an HTML document, printable and ready to copy into the commune's template.
pub fn to_html(scenario: &Scenario, sim: &Simulation) -> String {
    let commune = esc(&scenario.commune.name);
    let eligible: Vec<_> = scenario
        .schools
        .iter()
        .zip(&sim.schools)
        .filter(|(_, o)| o.eligibility.eligible())
        .map(|(s, _)| s)
        .collect();
    let unit = sim.billing_unit;
    let units = sim
        .years
        .first()
        .map_or(eligible.len(), |y| y.billing(unit).billed_units);
    let yearly = sim.annual_fee.times(units as u64);
    let per = match unit {
        BillingUnit::School => "par école utilisatrice",
        BillingUnit::SchoolGroup => "par groupe scolaire utilisateur",
    };
    let mut rows = String::new();
    for s in &eligible {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"m\">{}</td></tr>\n",
            esc(&s.name),
            esc(s.uai.as_deref().unwrap_or("")),
            s.level.label(),
            esc(s.group.as_deref().unwrap_or("")),
            if unit == BillingUnit::School {
                sim.annual_fee.to_string()
            } else {
                "—".into()
            }
        ));
    }
    format!(
        r#"<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Projet de délibération — laclasse.com — {commune}</title>
<style>{DRAFT_STYLE}</style></head>
<body>
<p><em>Projet établi avec laclasse-sim ; à adapter au modèle de la commune.</em></p>
<h1>Délibération du conseil municipal de {commune}</h1>
<p><strong>Objet :</strong> Convention entre la Ville et la Métropole de Lyon pour la mise à disposition d'un Espace Numérique de Travail, <em>laclasse.com</em>, dans les écoles publiques de la commune</p>
<p>Vu l'article L 5211-4-3 du code général des collectivités territoriales ;</p>
<p>Considérant que, dans le cadre de sa politique éducative, la Ville souhaite favoriser la continuité pédagogique et réduire les inégalités scolaires en limitant la fracture numérique ;</p>
<p>Considérant que l'offre <em>laclasse.com</em> permet l'accès à des ressources éducatives en ligne, un espace de stockage, des outils de vie scolaire et de communication entre les acteurs éducatifs ;</p>
<p>Considérant le partenariat avec la Métropole de Lyon, qui prend en charge l'installation, le déploiement, l'hébergement et la maintenance de la plateforme en échange d'une redevance forfaitaire de {fee} par an et {per} ;</p>
<p>Le Conseil Municipal :</p>
<ol>
<li><strong>APPROUVE</strong> la convention de partenariat entre la Ville et la Métropole de Lyon pour la souscription d'un abonnement à l'Espace Numérique de Travail <em>laclasse.com</em> au profit des {n} écoles publiques primaires de la commune dont la liste est annexée ;</li>
<li><strong>DIT</strong> que les crédits seront inscrits chaque année au budget de la Ville pour un montant de {fee} {per}, soit {yearly} par an pour {units} {what} ;</li>
<li><strong>AUTORISE</strong> Monsieur le Maire ou l'adjoint faisant fonctions à signer toute pièce relative à cette affaire ;</li>
<li><strong>CHARGE</strong> Monsieur le Maire de l'exécution de la présente délibération.</li>
</ol>
<p>Après en avoir délibéré : … voix pour, … voix contre, … abstentions.</p>
<p>La convention prend effet à sa notification ({notified}), pour un an renouvelable par tacite reconduction (Art. 8).</p>
<p>La présente délibération peut faire l'objet d'un recours contentieux auprès du Tribunal administratif de Lyon, dans un délai de deux mois à compter de sa publication.</p>
<h2>Annexe : établissements / groupes scolaires utilisateurs</h2>
<table><thead><tr><th>École</th><th>UAI</th><th>Niveau</th><th>Groupe scolaire</th><th>Redevance annuelle</th></tr></thead>
<tbody>
{rows}</tbody>
<tfoot><tr><th colspan="4">Total annuel ({units} {what} × {fee})</th><th class="m">{yearly}</th></tr></tfoot></table>
</body></html>
"#,
        fee = sim.annual_fee,
        n = eligible.len(),
        what = if unit == BillingUnit::School {
            "écoles"
        } else {
            "unités de facturation"
        },
        notified = fr(sim.notified),
    )
}
