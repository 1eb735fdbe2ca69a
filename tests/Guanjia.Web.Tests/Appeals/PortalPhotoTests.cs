using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.MicroProjects;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>
/// Photos on the portal (issue 6): a resident adds photos to an appeal, saved with it in one go; the result of a
/// closed project shows its outcome photos to the public. Camera metadata never leaves with them (R-PL-07).
/// </summary>
[Collection(ApiCollection.Name)]
public class PortalPhotoTests
{
    /// <summary>A JPEG with an EXIF segment holding a position, as a phone writes it, then a (tiny) picture.</summary>
    internal static readonly byte[] JpegWithGps = BuildJpeg();

    private static byte[] BuildJpeg()
    {
        var exif = Encoding.ASCII.GetBytes("Exif\0\0GPSLatitude=22.9712N;GPSLongitude=113.7518E");
        var o = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16 };
        o.AddRange("JFIF\0"u8.ToArray());
        o.AddRange(new byte[] { 1, 1, 0, 0, 1, 0, 1, 0, 0 });
        o.AddRange(new byte[] { 0xFF, 0xE1, 0, (byte)(exif.Length + 2) });
        o.AddRange(exif);
        o.AddRange(new byte[] { 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0x56, 0xFF, 0xD9 });
        return o.ToArray();
    }

    private static MultipartFormDataContent Form(object appeal, params (string Name, byte[] Bytes, string Type)[] photos)
    {
        var content = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(appeal)), "appeal" } };
        foreach (var (name, bytes, type) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "photos", name);
        }
        return content;
    }

    private static object Appeal(Flow f, string phone) => new
    {
        title = "路面坑洼积水", description = "新村路口路面坑洼，雨天积水", villageId = f.VillageId, phone, category = "ConvenienceWorks",
    };

    [Theory, BothDatabases]
    public async Task R_IN_01_a_resident_adds_photos_to_an_appeal_and_the_village_sees_them_without_their_position(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        var res = await f.Host.Anonymous().PostAsync("/api/public/appeals",
            Form(Appeal(f, phone), ("门口.jpg", JpegWithGps, "image/jpeg"), ("路口.png", png, "image/png")));
        var receipt = await res.Json(HttpStatusCode.Created);

        var row = (await f.Village.GetJson($"/api/appeals?q={receipt.Str("trackingNumber")}")).GetProperty("items")[0];
        var appeal = await f.Village.GetJson($"/api/appeals/{row.Str("id")}");
        var photos = appeal.GetProperty("photos").EnumerateArray().OrderBy(p => p.Str("contentType")).ToList(); // jpeg, png
        Assert.Equal(["门口.jpg", "路口.png"], photos.Select(p => p.Str("fileName")));
        Assert.All(photos, p => Assert.Equal("Photo", p.Str("kind")));

        var stored = await (await f.Village.GetAsync($"/api/attachments/{photos[0].Str("id")}")).Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(JpegWithGps.Length - (4 + 49), stored.Length); // only the EXIF segment (marker, length, 49 bytes) went
        Assert.Equal(png, await (await f.Village.GetAsync($"/api/attachments/{photos[1].Str("id")}")).Content.ReadAsByteArrayAsync());

        // Another town's staff cannot reach the photo.
        var other = await f.Host.SignIn("changan.village");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/attachments/{photos[0].Str("id")}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task R_IN_01_bad_photos_are_refused_by_field_and_nothing_is_saved(Db db)
    {
        var f = await Flow.StartAsync(db);
        var anon = f.Host.Anonymous();
        async Task<int> AppealsAsync() => (await f.Village.GetJson("/api/appeals?pageSize=1")).GetProperty("total").GetInt32();
        var before = await AppealsAsync();
        var jpeg = ("a.jpg", JpegWithGps, "image/jpeg");

        var many = await (await anon.PostAsync("/api/public/appeals", Form(Appeal(f, Flow.Phone()), Enumerable.Repeat(jpeg, 7).ToArray())))
            .Json(HttpStatusCode.BadRequest);
        many.ShouldNameField("photos", "too_many");
        var pdf = await (await anon.PostAsync("/api/public/appeals", Form(Appeal(f, Flow.Phone()), jpeg, ("说明.pdf", "%PDF-1.4\n"u8.ToArray(), "application/pdf"))))
            .Json(HttpStatusCode.BadRequest);
        pdf.ShouldNameField("photos", "type_not_allowed");
        // The second photo is a PDF named .jpg: the appeal and the first photo, already added, are not saved either.
        var fake = await (await anon.PostAsync("/api/public/appeals", Form(Appeal(f, Flow.Phone()), jpeg, ("b.jpg", "%PDF-1.4\n"u8.ToArray(), "image/jpeg"))))
            .Json(HttpStatusCode.BadRequest);
        fake.ShouldNameField("photos[1]", "content_mismatch");
        var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        (await (await anon.PostAsync("/api/public/appeals", empty)).Json(HttpStatusCode.BadRequest)).ShouldNameField("appeal", "required");
        var broken = new MultipartFormDataContent { { new StringContent("{\"title\": 5"), "appeal" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await anon.PostAsync("/api/public/appeals", broken)).StatusCode);

        Assert.Equal(before, await AppealsAsync());
        using var scope = f.Host.Services.CreateScope();
        var sys = f.SystemDb(scope);
        Assert.False(sys.Attachments.Any(a => a.OwnerType == "Appeal"));
    }

    [Theory, BothDatabases]
    public async Task R_MS_15_a_closed_projects_result_shows_its_outcome_photos_to_the_public_without_metadata(Db db)
    {
        var f = await Flow.StartAsync(db);
        const long budget = 3_000_000; // 3万元: the village closes it by filing the completion form
        var appeal = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(appeal.Str("id"));
        var projectId = await f.CommitteeAsync(appeal.Str("id"));
        await f.ConsultAsync(projectId, budget);
        await f.RegisterAsync(projectId);
        await f.PublishAsync(projectId, f.Village);
        await f.AdvanceAsync(TimeSpan.FromDays(5));
        await f.StartAsync(projectId);
        await f.AdvanceAsync(TimeSpan.FromDays(10));
        await f.CompleteAsync(projectId);
        var photo = await f.UploadAsync(projectId, "Photo", fileName: "after.jpg", bytes: JpegWithGps);
        var progress = await f.UploadAsync(projectId, "Photo", fileName: "progress.jpg", bytes: JpegWithGps);
        await f.UploadAsync(projectId, "StampedRegistrationForm");
        var contract = await f.UploadAsync(projectId, "Contract");
        await f.UploadAsync(projectId, "Invoice");
        await f.SurveyAsync(projectId, f.Village, 30);
        var closed = await f.Village.PostJson($"/api/micro-projects/{projectId}/completion", f.CompletionForm(budget, photo), HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));

        var (notice, _) = await CompletionTests.FindNoticeAsync(f, closed.Str("number"));
        Assert.Equal([photo], notice.GetProperty("body").GetProperty("photoIds").EnumerateArray().Select(x => x.GetString()));
        var anon = f.Host.Anonymous();
        var res = await anon.GetAsync($"/api/public/notices/{notice.Str("id")}/photos/{photo}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("image/jpeg", res.Content.Headers.ContentType?.MediaType);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);

        // Only what the notice lists is public: not the progress photo, not the contract, not under another notice.
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/public/notices/{notice.Str("id")}/photos/{progress}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/public/notices/{notice.Str("id")}/photos/{contract}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/public/notices/{Guid.NewGuid()}/photos/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"/api/attachments/{photo}")).StatusCode);
    }
}
