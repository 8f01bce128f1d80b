//! The spreadsheet model every sheet is written in — typed cells in titled sheets — and its
//! two writers, .xlsx (rust_xlsxwriter) and .ods (spreadsheet-ods). Every text is written as a
//! text cell, never a formula, whatever it begins with, and cut to what a cell holds.

use chrono::{Datelike, NaiveDate};

use engine::Money;

/// A cell of the list, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A text, written as text even when it looks like a number or a formula.
    Text(String),
    /// A date, written as a spreadsheet date (shown day/month/year).
    Date(NaiveDate),
    /// An amount, written as a number of euros in a money format.
    Euros(Money),
    /// A difference of two amounts, in cents, negative when the second is smaller; written as
    /// a signed number of euros in the money format.
    Gap(i64),
    /// A whole number: a year's number, a count of units.
    Count(u64),
    /// Nothing.
    Empty,
}

/// A sheet: a title row, a header row, then rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's tab name (at most 31 characters, none of `[]:*?/\`, unique in a file).
    pub name: std::borrow::Cow<'static, str>,
    /// The title, on the first row.
    pub title: String,
    /// The column names, on the second row.
    pub header: Vec<String>,
    /// The rows under the header, each as long as it.
    pub rows: Vec<Vec<Cell>>,
}

/// The most characters a spreadsheet cell holds (Excel's limit; LibreOffice's is higher).
pub const MAX_CELL_CHARS: usize = 32_767;

/// A text as a cell holds it: without the characters XML forbids (`document_safe`), and cut to
/// [`MAX_CELL_CHARS`] with the cut said at its end, so that every sheet opens.
pub fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    let safe = engine::text::document_safe(text);
    let n = safe.chars().count();
    if n <= MAX_CELL_CHARS {
        return safe;
    }
    let mark = format!(
        " […] (texte coupé : {n} caractères, une cellule en contient au plus {MAX_CELL_CHARS})"
    );
    let kept: String = safe
        .chars()
        .take(MAX_CELL_CHARS - mark.chars().count())
        .collect();
    std::borrow::Cow::Owned(kept + &mark)
}

/// The list as an Excel workbook (.xlsx).
pub fn to_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| format!("fichier Excel impossible à produire : {e}");
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let euros = Format::new().set_num_format("#,##0.00\\ \"€\"");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name.as_ref()).map_err(fail)?;
        ws.write_string_with_format(0, 0, cell_text(&sheet.title), &bold)
            .map_err(fail)?;
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, cell_text(h), &bold)
                .map_err(fail)?;
            ws.set_column_width(c as u16, 18).map_err(fail)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = (r + 3) as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    // A text cell, never a formula, even for "=…", "+…", "-…" or "@…".
                    Cell::Text(t) => ws.write_string(r, c, cell_text(t)).map(|_| ()),
                    Cell::Date(d) => {
                        let when = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(fail)?;
                        ws.write_datetime_with_format(r, c, &when, &date)
                            .map(|_| ())
                    }
                    Cell::Euros(m) => ws
                        .write_number_with_format(r, c, m.cents() as f64 / 100.0, &euros)
                        .map(|_| ()),
                    Cell::Gap(cents) => ws
                        .write_number_with_format(r, c, *cents as f64 / 100.0, &euros)
                        .map(|_| ()),
                    Cell::Count(n) => ws.write_number(r, c, *n as f64).map(|_| ()),
                    Cell::Empty => Ok(()),
                }
                .map_err(fail)?;
            }
        }
    }
    book.save_to_buffer().map_err(fail)
}

/// The list as an OpenDocument spreadsheet (.ods).
pub fn to_ods(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    use spreadsheet_ods::format::FormatNumberStyle;
    use spreadsheet_ods::{CellStyle, Value, ValueFormatCurrency, ValueFormatDateTime, WorkBook};
    let mut book = WorkBook::new_empty();
    let mut date_format = ValueFormatDateTime::new_named("date_jma");
    date_format
        .part_day()
        .style(FormatNumberStyle::Long)
        .build();
    date_format.part_text("/").build();
    date_format
        .part_month()
        .style(FormatNumberStyle::Long)
        .build();
    date_format.part_text("/").build();
    date_format
        .part_year()
        .style(FormatNumberStyle::Long)
        .build();
    let date_format = book.add_datetime_format(date_format);
    let date_style = book.add_cellstyle(CellStyle::new("date", &date_format));
    let mut euro_format = ValueFormatCurrency::new_named("euros");
    euro_format
        .part_number()
        .fixed_decimal_places(2)
        .grouping()
        .build();
    euro_format.part_text(" ").build();
    euro_format.part_currency().symbol("€").build();
    let euro_format = book.add_currency_format(euro_format);
    let euro_style = book.add_cellstyle(CellStyle::new("euros", &euro_format));
    for sheet in sheets {
        let mut ws = spreadsheet_ods::Sheet::new(sheet.name.as_ref());
        ws.set_value(0, 0, Value::Text(cell_text(&sheet.title).into_owned()));
        for (c, h) in sheet.header.iter().enumerate() {
            ws.set_value(2, c as u32, Value::Text(cell_text(h).into_owned()));
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = (r + 3) as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u32;
                match cell {
                    Cell::Text(t) => ws.set_value(r, c, Value::Text(cell_text(t).into_owned())),
                    Cell::Date(d) => ws.set_styled_value(r, c, *d, &date_style),
                    Cell::Euros(m) => ws.set_styled_value(
                        r,
                        c,
                        Value::Currency(m.cents() as f64 / 100.0, "EUR".into()),
                        &euro_style,
                    ),
                    Cell::Gap(cents) => ws.set_styled_value(
                        r,
                        c,
                        Value::Currency(*cents as f64 / 100.0, "EUR".into()),
                        &euro_style,
                    ),
                    Cell::Count(n) => ws.set_value(r, c, *n as f64),
                    Cell::Empty => {}
                }
            }
        }
        book.push_sheet(ws);
    }
    spreadsheet_ods::write_ods_buf(&mut book, Vec::new())
        .map_err(|e| format!("fichier OpenDocument impossible à produire : {e}"))
}
