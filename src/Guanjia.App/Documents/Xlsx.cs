using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Guanjia.App.Documents;

/// <summary>Money in fen in a table cell: written as 元 with two decimals, exact (decimal, never floating point).</summary>
public readonly record struct Fen(long Value)
{
    public decimal Yuan => Value / 100m;
}

/// <summary>A column: its header and its width in characters.</summary>
public sealed record TableColumn(string Header, int Width = 14);

/// <summary>
/// One sheet: a title over the table, info lines under it (填报单位, 日期, totals …), the table (columns and rows of
/// string, int, long, decimal or <see cref="Fen"/>), an optional totals row, and footer lines (signature and stamp).
/// </summary>
public sealed record TableSheet(string Name, string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public IReadOnlyList<string> Lines { get; init; } = [];
    public IReadOnlyList<object?>? Totals { get; init; }
    public IReadOnlyList<string> Footer { get; init; } = [];
    public bool Landscape { get; init; } = true;
}

/// <summary>
/// The generic Excel writer: any list of columns and rows becomes a printable sheet (title merged over the table,
/// bordered cells, header repeated on every printed page, fitted to the page width). Exports, the annual plan and
/// the survey results and the disbursement ledger use it.
/// </summary>
public static class Xlsx
{
    private const uint STitle = 1, SInfo = 2, SHeader = 3, SText = 4, SInteger = 5, SMoney = 6, SNumber = 7, STotalText = 8, STotalMoney = 9, STotalNumber = 10;

    public static byte[] Write(params TableSheet[] sheets)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            uint id = 1;
            foreach (var s in sheets)
            {
                var part = wb.AddNewPart<WorksheetPart>();
                var headerRow = WriteSheet(part, s);
                var name = SheetName(s.Name);
                sheetList.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = name });
                definedNames.Append(new DefinedName($"'{name}'!${headerRow}:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = id - 1 });
                id++;
            }
            wb.Workbook.Append(sheetList, definedNames);
        }
        return ms.ToArray();
    }

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => !"[]:*?/\\".Contains(ch)).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet1" : clean;
    }

    /// <summary>Writes the sheet; answers the (1-based) row of the column headers.</summary>
    private static int WriteSheet(WorksheetPart part, TableSheet s)
    {
        var n = s.Columns.Count;
        var data = new SheetData();
        var merges = new MergeCells();
        var r = 0;
        void Line(string text, uint style, double? height = null)
        {
            r++;
            var row = new Row { RowIndex = (uint)r };
            if (height is { } h) { row.Height = h; row.CustomHeight = true; }
            row.Append(TextCell(Ref(0, r), text, style));
            data.Append(row);
            if (n > 1) merges.Append(new MergeCell { Reference = $"{Ref(0, r)}:{Ref(n - 1, r)}" });
        }
        Line(s.Title, STitle, 30);
        foreach (var l in s.Lines) Line(l, SInfo);
        r++;
        var headerRow = r;
        var header = new Row { RowIndex = (uint)r, Height = Height(s.Columns.Select(c => (object?)c.Header).ToList(), s.Columns), CustomHeight = true };
        for (var c = 0; c < n; c++) header.Append(TextCell(Ref(c, r), s.Columns[c].Header, SHeader));
        data.Append(header);
        foreach (var values in s.Rows) data.Append(ValueRow(++r, values, s.Columns, total: false));
        if (s.Totals is { } totals) data.Append(ValueRow(++r, totals, s.Columns, total: true));
        foreach (var l in s.Footer) Line(l, SInfo, 24);

        var ws = new Worksheet();
        ws.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        // The header stays in view while scrolling (ySplit is HorizontalSplit).
        ws.Append(new SheetViews(new SheetView(new Pane
        {
            HorizontalSplit = headerRow, TopLeftCell = Ref(0, headerRow + 1), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0 }));
        ws.Append(new Columns(s.Columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));
        ws.Append(data);
        if (merges.HasChildren) ws.Append(merges);
        ws.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        ws.Append(new PageSetup
        {
            PaperSize = 9, Orientation = s.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0,
        });
        part.Worksheet = ws;
        return headerRow;
    }

    /// <summary>
    /// Row height for wrapped text, set explicitly: not every reader re-measures rows on opening (LibreOffice's
    /// conversion does not), and a long name would otherwise print over its neighbours.
    /// </summary>
    private static double Height(IReadOnlyList<object?> values, IReadOnlyList<TableColumn> columns)
    {
        var lines = 1;
        for (var c = 0; c < Math.Min(values.Count, columns.Count); c++)
        {
            if (values[c] is not string text) continue;
            var room = Math.Max(1, columns[c].Width - 1);
            lines = Math.Max(lines, text.Split('\n').Sum(part => Math.Max(1, (part.Sum(ch => ch >= '\u2E80' ? 2 : 1) + room - 1) / room)));
        }
        return 15 * lines + 3;
    }

    private static Row ValueRow(int r, IReadOnlyList<object?> values, IReadOnlyList<TableColumn> columns, bool total)
    {
        var n = columns.Count;
        var row = new Row { RowIndex = (uint)r, Height = Height(values, columns), CustomHeight = true };
        for (var c = 0; c < n; c++)
        {
            var v = c < values.Count ? values[c] : null;
            var at = Ref(c, r);
            row.Append(v switch
            {
                Fen f => NumberCell(at, f.Yuan.ToString(CultureInfo.InvariantCulture), total ? STotalMoney : SMoney),
                int i => NumberCell(at, i.ToString(CultureInfo.InvariantCulture), total ? STotalNumber : SInteger),
                long l => NumberCell(at, l.ToString(CultureInfo.InvariantCulture), total ? STotalNumber : SInteger),
                decimal d => NumberCell(at, d.ToString(CultureInfo.InvariantCulture), total ? STotalNumber : SNumber),
                null => TextCell(at, "", total ? STotalText : SText),
                _ => TextCell(at, Convert.ToString(v, CultureInfo.InvariantCulture) ?? "", total ? STotalText : SText),
            });
        }
        return row;
    }

    private static Cell TextCell(string at, string text, uint style) =>
        new(new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = at, DataType = CellValues.InlineString, StyleIndex = style,
        };

    private static Cell NumberCell(string at, string value, uint style) =>
        new(new CellValue(value)) { CellReference = at, DataType = CellValues.Number, StyleIndex = style };

    /// <summary>XML 1.0 cannot carry every character JSON can; rows stored before the API cleaned its input still hold some (ADR 0030).</summary>
    private static string Clean(string s) => Guanjia.Domain.Common.StoredText.Clean(s);

    public static string Ref(int col, int row)
    {
        var name = "";
        for (var c = col + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet()
    {
        Font F(bool bold, double size) => bold
            ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 3 })
            : new Font(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 3 });
        var thin = new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat X(uint font, uint border, uint fill, uint fmt, HorizontalAlignmentValues h, bool wrap = true) => new(
            new Alignment { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            FontId = font, BorderId = border, FillId = fill, NumberFormatId = fmt, ApplyFont = true, ApplyBorder = true, ApplyFill = fill > 0,
            ApplyNumberFormat = fmt > 0, ApplyAlignment = true,
        };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "0.####" }) { Count = 2 },
            new Fonts(F(false, 11), F(true, 16), F(true, 11)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
                X(1, 0, 0, 0, HorizontalAlignmentValues.Center),           // Title
                X(0, 0, 0, 0, HorizontalAlignmentValues.Left, wrap: false), // Info
                X(2, 1, 2, 0, HorizontalAlignmentValues.Center),           // Header
                X(0, 1, 0, 0, HorizontalAlignmentValues.Left),             // Text
                X(0, 1, 0, 1, HorizontalAlignmentValues.Right),            // Integer
                X(0, 1, 0, 164, HorizontalAlignmentValues.Right),          // Money
                X(0, 1, 0, 165, HorizontalAlignmentValues.Right),          // Number
                X(2, 1, 0, 0, HorizontalAlignmentValues.Center),           // TotalText
                X(2, 1, 0, 164, HorizontalAlignmentValues.Right),          // TotalMoney
                X(2, 1, 0, 165, HorizontalAlignmentValues.Right)) { Count = 11 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}

/// <summary>CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF, quoted where needed.</summary>
public static class Csv
{
    public static byte[] Write(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(string.Join(',', columns.Select(c => Field(c.Header)))).Append("\r\n");
        foreach (var row in rows)
            sb.Append(string.Join(',', row.Select(v => Field(v switch
            {
                Fen f => f.Yuan.ToString("0.00", CultureInfo.InvariantCulture),
                null => "",
                _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            }, v is string)))).Append("\r\n");
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Field(string s, bool text = true)
    {
        // A text cell starting with = + - @ would be run as a formula by a spreadsheet: keep it text.
        if (text && s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
    }
}
