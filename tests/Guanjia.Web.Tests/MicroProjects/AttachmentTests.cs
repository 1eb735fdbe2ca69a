using System.Net;
using System.Text;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>Files stored with their project: typed, checked, size-limited, listed, and readable only in scope (R-PL-05).</summary>
[Collection(ApiCollection.Name)]
public class AttachmentTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static async Task<int> CountAsync(Flow f, string projectId) =>
        (await DetailAsync(f, projectId)).GetProperty("attachments").GetArrayLength();

    /// <summary>A project waiting for its consultation: the cheapest record that takes files.</summary>
    private static async Task<string> ProjectAsync(Flow f)
    {
        var appealId = (await AppealAsync(f)).Str("id");
        await f.AcknowledgeAsync(appealId);
        return await f.CommitteeAsync(appealId);
    }

    // R-PL-05
    [Theory, BothDatabases]
    public async Task R_PL_05_only_allowed_file_types_are_accepted(Db db)
    {
        var f = await Flow.StartAsync(db);
        var id = await ProjectAsync(f);

        var exe = await (await UploadRawAsync(f.Village, id, "Contract", "setup.exe", [0x4D, 0x5A, 0x90, 0x00])).Json(HttpStatusCode.BadRequest);
        exe.ShouldNameField("file", "type_not_allowed");
        var txt = await (await UploadRawAsync(f.Village, id, "Minutes", "minutes.txt", Encoding.UTF8.GetBytes("会议记录"), "text/plain"))
            .Json(HttpStatusCode.BadRequest);
        txt.ShouldNameField("file", "type_not_allowed");
        var noKind = await (await UploadRawAsync(f.Village, id, null, "minutes.pdf", Pdf, "application/pdf")).Json(HttpStatusCode.BadRequest);
        noKind.ShouldNameField("kind", "required");

        Assert.Equal(0, await CountAsync(f, id));
    }

    // R-PL-05
    [Theory, BothDatabases]
    public async Task R_PL_05_the_content_must_match_the_extension(Db db)
    {
        var f = await Flow.StartAsync(db);
        var id = await ProjectAsync(f);

        var fakePdf = await (await UploadRawAsync(f.Village, id, "Minutes", "minutes.pdf", Encoding.ASCII.GetBytes("MZ this is not a pdf"), "application/pdf"))
            .Json(HttpStatusCode.BadRequest);
        fakePdf.ShouldNameField("file", "content_mismatch");
        var fakeJpg = await (await UploadRawAsync(f.Village, id, "Photo", "photo.jpg", Pdf, "image/jpeg")).Json(HttpStatusCode.BadRequest);
        fakeJpg.ShouldNameField("file", "content_mismatch");

        Assert.Equal(0, await CountAsync(f, id));
    }

    // R-PL-05
    [Theory, BothDatabases]
    public async Task R_PL_05_empty_and_oversized_files_are_refused(Db db)
    {
        var f = await Flow.StartAsync(db);
        var id = await ProjectAsync(f);

        var empty = await (await UploadRawAsync(f.Village, id, "Minutes", "minutes.pdf", [], "application/pdf")).Json(HttpStatusCode.BadRequest);
        empty.ShouldNameField("file", "empty");
        var big = new byte[21 * 1024 * 1024]; // over the 20 MB default
        Pdf.CopyTo(big, 0);
        var tooLarge = await (await UploadRawAsync(f.Village, id, "Minutes", "minutes.pdf", big, "application/pdf")).Json(HttpStatusCode.BadRequest);
        tooLarge.ShouldNameField("file", "too_large");

        Assert.Equal(0, await CountAsync(f, id));
        // Just under the limit is fine.
        var fits = new byte[20 * 1024 * 1024];
        Pdf.CopyTo(fits, 0);
        await (await UploadRawAsync(f.Village, id, "Minutes", "minutes.pdf", fits, "application/pdf")).Json(HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(f, id));
    }

    // R-PL-05, R-PL-03
    [Theory, BothDatabases]
    public async Task R_PL_05_an_attachment_is_listed_on_the_project_and_downloadable_only_in_scope(Db db)
    {
        var f = await Flow.StartAsync(db);
        var id = await ProjectAsync(f);

        var created = await (await UploadRawAsync(f.Village, id, "Minutes", "协商记录.pdf", Pdf, "application/pdf")).Json(HttpStatusCode.Created);
        var attachmentId = created.Str("id");

        var listed = (await DetailAsync(f, id)).GetProperty("attachments").EnumerateArray().Single(a => a.Str("id") == attachmentId);
        Assert.Equal("Minutes", listed.Str("kind"));
        Assert.Equal("协商记录.pdf", listed.Str("fileName"));
        Assert.Equal("application/pdf", listed.Str("contentType"));
        Assert.Equal(Pdf.Length, listed.GetProperty("size").GetInt64());
        Assert.False(string.IsNullOrEmpty(listed.Str("uploadedByName")));

        foreach (var reader in new[] { f.Village, f.Town, f.City })
        {
            var res = await reader.GetAsync($"/api/attachments/{attachmentId}");
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.Equal("application/pdf", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf, await res.Content.ReadAsByteArrayAsync());
        }
        var changan = await f.Host.SignIn("changan.lead");
        var hidden = await changan.GetAsync($"/api/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("%PDF", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Nor may another town add files to this project.
        var foreign = await UploadRawAsync(changan, id, "Minutes", "x.pdf", Pdf, "application/pdf");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(1, await CountAsync(f, id));
    }

    // R-PL-05
    [Theory, BothDatabases]
    public async Task R_PL_05_a_closed_project_takes_no_more_files(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Small);
        var form = await f.CompletionAsync(p.ProjectId, p.Budget);
        await f.SurveyAsync(p.ProjectId, f.Village, 30);
        Assert.Equal("Closed", (await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", form, HttpStatusCode.OK)).Str("state"));
        var count = await CountAsync(f, p.ProjectId);

        var res = await UploadRawAsync(f.Village, p.ProjectId, "Photo", "late.jpg", Flow.Jpeg, "image/jpeg");

        var problem = await res.Json(HttpStatusCode.Conflict);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(count, await CountAsync(f, p.ProjectId));
    }
}
