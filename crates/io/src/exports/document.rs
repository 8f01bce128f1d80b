//! A text document as data (titles, paragraphs, lists, tables, signatures, blanks to fill),
//! written three ways from the same blocks: a standalone HTML page (to show, print and copy),
//! plain text (to copy and to test), and OpenDocument text (.odt, the format town halls edit
//! in). One model, so that the three say the same thing in the same order.

use std::io::Write;

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold (APPROUVE, DIT…).
    Strong(String),
    /// Italics (a title of a work: *laclasse.com*).
    Em(String),
    /// A blank to fill by hand, with what goes in it (« date de transmission »).
    Blank(&'static str),
}

/// A block of the document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The document's title.
    Title(String),
    /// A section heading.
    Heading(String),
    /// A paragraph.
    Para(Vec<Inline>),
    /// A bulleted list, one paragraph an item.
    Bullets(Vec<Vec<Inline>>),
    /// A numbered list, one paragraph an item.
    Numbered(Vec<Vec<Inline>>),
    /// A table: its header, its rows; the columns flagged `true` are amounts, aligned right.
    Table {
        /// The header cells.
        head: Vec<String>,
        /// The rows.
        rows: Vec<Vec<String>>,
        /// Which columns hold amounts.
        numeric: Vec<bool>,
    },
    /// Signatures side by side: each a name and a quality, above space to sign.
    Signatures(Vec<(String, String)>),
    /// A new page (before an annex).
    PageBreak,
    /// Lines centred above the title: the heading of a register extract.
    Masthead(Vec<String>),
    /// Blocks never split across two pages (« Certifié exécutoire » and its dates).
    Keep(Vec<Block>),
}

/// A document: a title for its window or file, and its blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The title of the page or the file's metadata.
    pub title: String,
    /// What it says, in order.
    pub blocks: Vec<Block>,
}

/// How a blank reads in plain text and in the printed page.
pub const BLANK: &str = "……………";

/// Text for an HTML element or attribute.
pub fn esc(s: &str) -> String {
    engine::text::document_safe(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The only style of the HTML page. The page that opens it allows this style by its hash in
/// its Content-Security-Policy (`index.html`): a test checks that the two agree.
pub const DOCUMENT_STYLE: &str = "body{font-family:serif;max-width:46rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.2rem .4rem}.m{text-align:right;white-space:nowrap}.blank{border-bottom:1px dotted #000;color:#555}.sig{display:flex;gap:3rem;margin:2rem 0 4rem}.sig p{flex:1}h1{font-size:1.3rem;text-align:center}.mast{text-align:center;font-weight:bold;font-size:.9rem;margin-bottom:1rem}.keep{break-inside:avoid}h2{font-size:1.1rem}@media print{.pb{break-before:page}}";

fn inline_text(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) | Inline::Strong(t) | Inline::Em(t) => t.clone(),
            Inline::Blank(what) => format!("{BLANK} ({what})"),
        })
        .collect()
}

fn inline_html(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => esc(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", esc(t)),
            Inline::Em(t) => format!("<em>{}</em>", esc(t)),
            // What goes in the blank is said on the page too, as in the text and the .odt.
            Inline::Blank(what) => format!("<span class=\"blank\">{BLANK} ({})</span>", esc(what)),
        })
        .collect()
}

fn xml(s: &str) -> String {
    esc(s).replace('\'', "&apos;")
}

fn inline_odt(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => xml(t),
            Inline::Strong(t) => format!("<text:span text:style-name=\"B\">{}</text:span>", xml(t)),
            Inline::Em(t) => format!("<text:span text:style-name=\"I\">{}</text:span>", xml(t)),
            Inline::Blank(what) => format!("{BLANK} ({})", xml(what)),
        })
        .collect()
}

impl Document {
    /// Plain text: paragraphs separated by a blank line, lists with « - » or « 1) », tables
    /// as lines of cells separated by « | ».
    pub fn to_text(&self) -> String {
        text_of(&self.blocks)
    }

    /// The blocks as HTML elements, without the page around them (for the clipboard).
    pub fn to_html_body(&self) -> String {
        html_of(&self.blocks)
    }

    /// A standalone HTML page, printable.
    pub fn to_html(&self) -> String {
        format!(
            "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>{DOCUMENT_STYLE}</style></head>\n<body>\n{}</body></html>\n",
            esc(&self.title),
            self.to_html_body()
        )
    }

    /// The `content.xml` of the OpenDocument text.
    fn odt_content(&self) -> String {
        odt_document(&odt_of(&self.blocks, false))
    }

    /// The document as OpenDocument text (.odt): a zip whose first entry, `mimetype`, is
    /// stored uncompressed, as the format requires.
    pub fn to_odt(&self) -> Result<Vec<u8>, String> {
        use zip::write::SimpleFileOptions;
        let fail =
            |e: &dyn std::fmt::Display| format!("le document .odt n'a pas pu être écrit ({e})");
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let deflated =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;
        let meta = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta><dc:title>{}</dc:title><meta:generator>laclasse-sim</meta:generator><dc:language>fr-FR</dc:language></office:meta></office:document-meta>
"#,
            xml(&self.title)
        );
        let content = self.odt_content();
        let entries: [(&str, SimpleFileOptions, &[u8]); 4] = [
            (
                "mimetype",
                stored,
                b"application/vnd.oasis.opendocument.text",
            ),
            ("META-INF/manifest.xml", deflated, manifest.as_bytes()),
            ("meta.xml", deflated, meta.as_bytes()),
            ("content.xml", deflated, content.as_bytes()),
        ];
        for (name, options, bytes) in entries {
            zip.start_file(name, options).map_err(|e| fail(&e))?;
            zip.write_all(bytes).map_err(|e| fail(&e))?;
        }
        zip.finish()
            .map(std::io::Cursor::into_inner)
            .map_err(|e| fail(&e))
    }
}

/// The blocks as plain text.
fn text_of(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Masthead(lines) => {
                for l in lines {
                    out.push_str(&format!("{l}\n"));
                }
                out.push('\n');
            }
            Block::Keep(inner) => out.push_str(&text_of(inner)),
            Block::Title(t) => out.push_str(&format!("{}\n\n", t.to_uppercase())),
            Block::Heading(t) => out.push_str(&format!("{t}\n\n")),
            Block::Para(p) => out.push_str(&format!("{}\n\n", inline_text(p))),
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", inline_text(i)));
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (n, i) in items.iter().enumerate() {
                    out.push_str(&format!("{}) {}\n", n + 1, inline_text(i)));
                }
                out.push('\n');
            }
            Block::Table { head, rows, .. } => {
                out.push_str(&format!("{}\n", head.join(" | ")));
                for r in rows {
                    out.push_str(&format!("{}\n", r.join(" | ")));
                }
                out.push('\n');
            }
            Block::Signatures(s) => {
                for (name, quality) in s {
                    out.push_str(&format!("{name}\n{quality}\n\n"));
                }
            }
            Block::PageBreak => out.push('\n'),
        }
    }
    out
}

/// The blocks as HTML elements.
fn html_of(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut page_break = false;
    for b in blocks {
        let class = if std::mem::take(&mut page_break) {
            " class=\"pb\""
        } else {
            ""
        };
        match b {
            Block::Masthead(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| esc(l)).collect();
                out.push_str(&format!(
                    "<div class=\"mast\">{}</div>\n",
                    lines.join("<br>")
                ));
            }
            Block::Keep(inner) => {
                out.push_str(&format!("<div class=\"keep\">\n{}</div>\n", html_of(inner)));
            }
            Block::Title(t) => out.push_str(&format!("<h1{class}>{}</h1>\n", esc(t))),
            Block::Heading(t) => out.push_str(&format!("<h2{class}>{}</h2>\n", esc(t))),
            Block::Para(p) => out.push_str(&format!("<p{class}>{}</p>\n", inline_html(p))),
            Block::Bullets(items) | Block::Numbered(items) => {
                let tag = if matches!(b, Block::Bullets(_)) {
                    "ul"
                } else {
                    "ol"
                };
                out.push_str(&format!("<{tag}{class}>\n"));
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", inline_html(i)));
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let cell = |tag: &str, i: usize, text: &str| {
                    let m = if numeric.get(i).copied().unwrap_or(false) {
                        " class=\"m\""
                    } else {
                        ""
                    };
                    format!("<{tag}{m}>{}</{tag}>", esc(text))
                };
                out.push_str(&format!("<table{class}><thead><tr>"));
                for (i, h) in head.iter().enumerate() {
                    out.push_str(&cell("th", i, h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for (i, c) in r.iter().enumerate() {
                        out.push_str(&cell("td", i, c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody></table>\n");
            }
            Block::Signatures(s) => {
                out.push_str("<div class=\"sig\">");
                for (name, quality) in s {
                    out.push_str(&format!("<p>{}<br>{}</p>", esc(name), esc(quality)));
                }
                out.push_str("</div>\n");
            }
            Block::PageBreak => page_break = true,
        }
    }
    out
}

/// The blocks as OpenDocument paragraphs and tables; with `keep`, each paragraph kept with
/// the next, so that they stay on one page.
fn odt_of(blocks: &[Block], keep: bool) -> String {
    let mut body = String::new();
    let mut page_break = false;
    for b in blocks {
        let p_style = if std::mem::take(&mut page_break) {
            "PB"
        } else if keep {
            "Keep"
        } else {
            "Standard"
        };
        match b {
            Block::Masthead(lines) => {
                for l in lines {
                    body.push_str(&format!(
                        "<text:p text:style-name=\"Mast\">{}</text:p>",
                        xml(l)
                    ));
                }
            }
            Block::Keep(inner) => body.push_str(&odt_of(inner, true)),
            Block::Title(t) => body.push_str(&format!(
                "<text:h text:style-name=\"Title\" text:outline-level=\"1\">{}</text:h>",
                xml(t)
            )),
            Block::Heading(t) => body.push_str(&format!(
                "<text:h text:style-name=\"{}\" text:outline-level=\"2\">{}</text:h>",
                if p_style == "PB" { "H2PB" } else { "H2" },
                xml(t)
            )),
            Block::Para(p) => body.push_str(&format!(
                "<text:p text:style-name=\"{p_style}\">{}</text:p>",
                inline_odt(p)
            )),
            Block::Bullets(items) | Block::Numbered(items) => {
                for (n, i) in items.iter().enumerate() {
                    let mark = if matches!(b, Block::Bullets(_)) {
                        "– ".to_string()
                    } else {
                        format!("{}) ", n + 1)
                    };
                    body.push_str(&format!(
                        "<text:p text:style-name=\"Item\">{mark}{}</text:p>",
                        inline_odt(i)
                    ));
                }
            }
            Block::Table { head, rows, .. } => {
                body.push_str(&format!(
                        "<table:table table:name=\"Tableau{}\"><table:table-column table:number-columns-repeated=\"{}\"/>",
                        body.matches("<table:table ").count() + 1,
                        head.len().max(1)
                    ));
                for (k, r) in std::iter::once(head).chain(rows.iter()).enumerate() {
                    body.push_str("<table:table-row>");
                    for c in r {
                        body.push_str(&format!(
                                "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"><text:p text:style-name=\"{}\">{}</text:p></table:table-cell>",
                                if k == 0 { "TH" } else { "Standard" },
                                xml(c)
                            ));
                    }
                    body.push_str("</table:table-row>");
                }
                body.push_str("</table:table>");
            }
            Block::Signatures(s) => {
                for (name, quality) in s {
                    body.push_str(&format!(
                            "<text:p text:style-name=\"Sig\">{}</text:p><text:p text:style-name=\"Standard\">{}</text:p>",
                            xml(name),
                            xml(quality)
                        ));
                }
            }
            Block::PageBreak => page_break = true,
        }
    }
    body
}

/// The `content.xml` around `body`.
fn odt_document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
<office:automatic-styles>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt"/></style:style>
<style:style style:name="PB" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H2PB" style:family="paragraph" style:parent-style-name="H2"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Item" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.6cm"/></style:style>
<style:style style:name="TH" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Keep" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:keep-with-next="always"/></style:style>
<style:style style:name="Mast" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="10pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>
<style:style style:name="Sig" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.8cm"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:automatic-styles>
<office:body><office:text>{body}</office:text></office:body>
</office:document-content>
"#
    )
}
