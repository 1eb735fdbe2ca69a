using System.Diagnostics;
using System.Net;
using Guanjia.App.Documents;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.Stations;
using Microsoft.AspNetCore.Hosting;
using Xunit.Sdk;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Documents;

/// <summary>
/// LibreOffice on this machine: the PDF tests run when it is installed and are skipped otherwise, unless
/// GUANJIA_REQUIRE_LIBREOFFICE=1 (as in CI), which makes its absence a failure.
/// </summary>
public static class LibreOffice
{
    public static bool Required => Environment.GetEnvironmentVariable("GUANJIA_REQUIRE_LIBREOFFICE") == "1";

    public static string? Executable => PdfConverter.Find(null);
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (LibreOffice.Executable is null && !LibreOffice.Required)
            Skip = "LibreOffice (soffice) is not on PATH; PDF tests skipped (GUANJIA_REQUIRE_LIBREOFFICE=1 makes this a failure)";
    }
}

/// <summary>
/// Every generated form opens in LibreOffice and converts to PDF with its Chinese text intact (issue 5, ADR 0014).
/// With GUANJIA_WRITE_FORMS=1 the same run renders each first page into docs/forms/ (tools/render-forms.sh).
/// </summary>
[Collection(ApiCollection.Name)]
public class PdfTests
{
    // R-MS-05, R-MS-13, R-MS-14, R-ST-05, R-MS-17, R-FD-06: the printable forms, as PDF.
    [LibreOfficeTheory, InlineData(Db.Sqlite)]
    public async Task Each_form_converts_to_pdf_with_libreoffice(Db db)
    {
        Assert.True(LibreOffice.Executable is not null, "GUANJIA_REQUIRE_LIBREOFFICE=1 but neither soffice nor libreoffice is on PATH");
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            var forms = await GalleryAsync(f);
            var write = Environment.GetEnvironmentVariable("GUANJIA_WRITE_FORMS") == "1";
            foreach (var form in forms)
            {
                var pdf = await form.By.DownloadAsync(form.Url);
                Assert.Equal("application/pdf", pdf.ContentType);
                Assert.EndsWith(".pdf", pdf.FileName, StringComparison.Ordinal);
                Assert.Equal("%PDF"u8.ToArray(), pdf.Bytes[..4]);
                if (Tool("pdftotext") is { } pdftotext)
                {
                    var text = Run(pdftotext, pdf.Bytes, "-layout", "{in}", "-");
                    Assert.True(text.Contains(form.Expect, StringComparison.Ordinal), $"{form.Name}: '{form.Expect}' not in the PDF's text:\n{text}");
                }
                if (write) Render(form.Name, pdf.Bytes);
            }
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // Without LibreOffice the Word/Excel files still work; PDF is 501 with a ProblemDetails that says why.
    [Fact]
    public async Task Without_libreoffice_pdf_is_501_problem_details_and_word_still_works()
    {
        using var host = new NoPdfHost();
        var client = await host.SignIn("dongcheng.village");
        Assert.False((await client.GetJson("/api/documents/capabilities")).GetProperty("pdf").GetBoolean());
        var problem = await client.GetJson("/api/documents/survey-questionnaire.pdf", HttpStatusCode.NotImplemented);
        Assert.Equal(501, problem.GetProperty("status").GetInt32());
        Assert.Equal("pdf_unavailable", problem.Str("code"));
        Assert.Contains("LibreOffice", problem.Str("title"), StringComparison.Ordinal);
        await client.DownloadAsync("/api/documents/survey-questionnaire.docx");
    }

    private sealed class NoPdfHost() : TestHost(Db.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Documents:LibreOffice", "/nonexistent/soffice");
        }
    }

    internal sealed record Form(string Name, string Url, HttpClient By, string Expect);

    /// <summary>Realistic records through the API, as the village, the town and the committee would make them.</summary>
    private static async Task<List<Form>> GalleryAsync(Flow f)
    {
        var closed = await FormTests.ClosedSmallProjectAsync(f);
        var large = await RegisteredAsync(f, Large);
        await f.OpinionAsync(large.ProjectId, signedOff: true);
        await f.ReviewAsync(large.ProjectId);

        // R-FD-06: the town's finance pays the large project twice and reverses the second payment.
        var account = await Funds.FundKit.VillageAccountAsync(f);
        await Funds.FundKit.ReceiveAsync(f.Town, account, "VillageCollective", 6_000_000);
        var paid = await Funds.FundKit.PayAsync(f.Finance, account, "VillageCollective", 3_600_000, large.ProjectId);
        var wrong = await Funds.FundKit.PayAsync(f.Finance, account, "VillageCollective", 1_200_000, large.ProjectId);
        await f.Finance.PostJson($"/api/funds/ledger/{wrong.Str("id")}/reversal", new { reason = "收款账号有误，冲正后重新支付" }, HttpStatusCode.OK);
        var ledgerYear = paid.GetProperty("year").GetInt32();
        var town = await Funds.FundKit.TownIdAsync(f);

        var (_, _, filing) = await FormTests.RecordedFilingAsync(await StationKit.StartAsync(f.Host.Db), "岗贝社区莞家驿站", "长者助餐及送餐上门服务");

        // The plan last: it moves the clock to the December before its year (and signs the flow's people in again).
        // A plan year no other test files a plan or allocation for; 2027 (dated like the other records) when the
        // forms are rendered on their own by tools/render-forms.sh.
        var year = Environment.GetEnvironmentVariable("GUANJIA_WRITE_FORMS") == "1" ? 2027 : 2033;
        var plan = await FormTests.FiledPlanAsync(f, year, [("长者饭堂助餐服务", "ElderlyCare"), ("儿童暑期托管班", "ChildrenAndYouth"), ("新村路路灯改造", "LivingEnvironment")]);
        var p = "/api/micro-projects";
        return
        [
            new("registration-form", $"{p}/{large.ProjectId}/documents/registration-form.pdf", f.Village, "登记备案表"),
            new("completion-form", $"{p}/{closed.ProjectId}/documents/completion-form.pdf", f.Village, "结项表"),
            new("survey-questionnaire", "/api/documents/survey-questionnaire.pdf", f.Village, "满意度调查表"),
            new("survey-results", $"{p}/{closed.ProjectId}/documents/survey-results.pdf", f.Town, "满意度测评结果"),
            new("procurement-filing", $"/api/stations/procurement-filings/{filing}/document.pdf", f.Town, "采购备案表"),
            new("annual-plan", $"/api/annual-plans/{plan.Id}/document.pdf", f.Town, "项目实施计划表"),
            new("disbursement-ledger", $"/api/funds/ledger/document.pdf?year={ledgerYear}&townId={town}", f.Town, "资金发放台账"),
        ];
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string Run(string exe, byte[] input, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"guanjia-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, input);
        try
        {
            var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a == "{in}" ? file : a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, $"{exe} failed: {p.StandardError.ReadToEnd()}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>docs/forms/NAME.png: the first page at 80 dpi (pdftoppm), so a reader sees what users get.</summary>
    private static void Render(string name, byte[] pdf)
    {
        var pdftoppm = Tool("pdftoppm") ?? throw new XunitException("GUANJIA_WRITE_FORMS=1 needs pdftoppm (poppler-utils)");
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Guanjia.slnx"))) dir = Path.GetDirectoryName(dir) ?? throw new XunitException("repository root not found");
        var target = Path.Combine(dir, "docs", "forms", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Run(pdftoppm, pdf, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "{in}", target);
    }
}
