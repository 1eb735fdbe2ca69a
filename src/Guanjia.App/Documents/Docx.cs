using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Guanjia.App.Documents;

/// <summary>One cell of a form table: text (lines split on '\n'), how many grid columns it spans, its look.</summary>
public sealed record FormCell(string Text, int Span = 1, bool Label = false, bool Bold = false, bool Center = false, bool Shaded = false,
    bool MergeStart = false, bool MergeContinue = false, bool Left = false);

/// <summary>
/// A small Word writer for the programme's forms: an A4 page, a title, plain paragraphs and bordered tables on a
/// fixed column grid, in 宋体 (SimSun; LibreOffice substitutes a CJK font where SimSun is missing). Enough for the
/// forms of 003 and 000; nothing more.
/// </summary>
public sealed class Docx
{
    /// <summary>Twips of the A4 text width with 2 cm margins: 21 cm - 4 cm.</summary>
    public const int TextWidth = 9638;

    private const string Font = "SimSun";
    private readonly List<OpenXmlElement> _blocks = [];

    public static FormCell L(string text, int span = 1) => new(text, span, Label: true, Bold: true, Center: true);

    public static FormCell V(string? text, int span = 1) => new(text ?? "", span);

    public static FormCell Section(string text, int span) => new(text, span, Bold: true, Shaded: true, Left: true);

    public static string Box(bool on) => on ? "☑" : "☐";

    public Docx Title(string text, int halfPoints = 36)
    {
        foreach (var line in text.Split('\n'))
            _blocks.Add(Para(line, bold: true, halfPoints, JustificationValues.Center, spaceAfter: 60));
        return this;
    }

    public Docx Paragraph(string text, bool bold = false, int halfPoints = 24, bool center = false, bool right = false, int spaceAfter = 60)
    {
        _blocks.Add(Para(text, bold, halfPoints, center ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Left, spaceAfter));
        return this;
    }

    /// <summary>A bordered table on a grid of column widths (twips); each row's spans must add up to the grid.</summary>
    public Docx Table(int[] grid, IEnumerable<IReadOnlyList<FormCell>> rows, int halfPoints = 21)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = grid.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6 }, new LeftBorder { Val = BorderValues.Single, Size = 6 },
                new BottomBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(grid.Select(w => new GridColumn { Width = w.ToString() })));
        foreach (var cells in rows)
        {
            if (cells.Sum(c => c.Span) != grid.Length)
                throw new InvalidOperationException($"A row spans {cells.Sum(c => c.Span)} of {grid.Length} columns: {string.Join('|', cells.Select(c => c.Text))}");
            var row = new TableRow(new TableRowProperties(new TableRowHeight { Val = 420, HeightType = HeightRuleValues.AtLeast }));
            var col = 0;
            foreach (var c in cells)
            {
                var width = grid.Skip(col).Take(c.Span).Sum();
                col += c.Span;
                var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
                if (c.Span > 1) props.Append(new GridSpan { Val = c.Span });
                if (c.MergeStart) props.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                if (c.MergeContinue) props.Append(new VerticalMerge { Val = MergedCellValues.Continue });
                if (c.Shaded) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" });
                props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var cell = new TableCell(props);
                var align = c.Center || (c.Label && !c.Left) ? JustificationValues.Center : JustificationValues.Left;
                foreach (var line in (c.MergeContinue ? "" : c.Text).Split('\n'))
                    cell.Append(Para(line, c.Bold, halfPoints, align, spaceAfter: 0));
                row.Append(cell);
            }
            table.Append(row);
        }
        _blocks.Add(table);
        return this;
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var b in _blocks) body.Append(b);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(), new FontSize { Val = "24" }, new Languages { EastAsia = "zh-CN", Val = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "300", LineRule = LineSpacingRuleValues.Auto }))));
        }
        return ms.ToArray();
    }

    private static RunFonts Fonts() => new() { Ascii = Font, HighAnsi = Font, EastAsia = Font, ComplexScript = Font };

    private static Paragraph Para(string text, bool bold, int halfPoints, JustificationValues align, int spaceAfter)
    {
        var rp = new RunProperties(Fonts());
        if (bold) rp.Append(new Bold());
        rp.Append(new FontSize { Val = halfPoints.ToString() });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = spaceAfter.ToString(), Before = "0" }, new Justification { Val = align }),
            // Rows stored before the API cleaned its input may hold characters XML cannot carry (ADR 0030).
            new Run(rp, new Text(Guanjia.Domain.Common.StoredText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
