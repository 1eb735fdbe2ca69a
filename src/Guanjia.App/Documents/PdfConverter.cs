using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Documents;

/// <summary>LibreOffice is not installed, or a conversion failed: the endpoint says so as ProblemDetails.</summary>
public sealed class PdfUnavailable(string zh, string en, bool installed) : Exception(en)
{
    public string Zh { get; } = zh;
    public bool Installed { get; } = installed;
}

/// <summary>
/// PDF from the generated .docx/.xlsx through LibreOffice in headless mode (ADR 0014): `Documents:LibreOffice`
/// names the executable, else `soffice` or `libreoffice` on PATH; without one, PDF is unavailable and the
/// Word/Excel files still work. One conversion at a time per host, each with a private profile directory, so
/// concurrent requests never share LibreOffice's user profile; a conversion that hangs is killed after a timeout.
/// </summary>
public sealed class PdfConverter : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly string _profile = Path.Combine(Path.GetTempPath(), $"guanjia-lo-{Guid.NewGuid():N}");
    private readonly TimeSpan _timeout;
    private readonly ILogger<PdfConverter> _log;

    public PdfConverter(IConfiguration config, ILogger<PdfConverter> log)
    {
        _log = log;
        Executable = Find(config["Documents:LibreOffice"]);
        _timeout = TimeSpan.FromSeconds(config.GetValue("Documents:PdfTimeoutSeconds", 120));
    }

    public string? Executable { get; }

    public void Dispose()
    {
        _one.Dispose();
        try { if (Directory.Exists(_profile)) Directory.Delete(_profile, recursive: true); } catch (IOException) { /* temp */ }
    }

    public bool Available => Executable is not null;

    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in new[] { "soffice", "libreoffice" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    public async Task<DocumentFile> ConvertAsync(DocumentFile source, CancellationToken ct)
    {
        if (Executable is null)
            throw new PdfUnavailable("服务器未安装 LibreOffice，暂不能生成 PDF，请下载 Word/Excel 文件", "LibreOffice is not installed on the server: no PDF; download the Word/Excel file", false);
        var dir = Directory.CreateTempSubdirectory("guanjia-pdf-").FullName;
        try
        {
            var input = Path.Combine(dir, $"document.{DocumentFile.Extension(source.Format)}");
            await File.WriteAllBytesAsync(input, source.Bytes, ct);
            await _one.WaitAsync(ct);
            try
            {
                await RunAsync(dir, input, ct);
            }
            finally
            {
                _one.Release();
            }
            var output = Path.Combine(dir, "document.pdf");
            if (!File.Exists(output))
                throw new PdfUnavailable("PDF 生成失败，请稍后重试或下载 Word/Excel 文件", "The PDF conversion produced no file; retry or download the Word/Excel file", true);
            return new DocumentFile(await File.ReadAllBytesAsync(output, ct), FileFormat.Pdf, Path.ChangeExtension(source.FileName, ".pdf"));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* a temp dir; the OS cleans it */ }
        }
    }

    private async Task RunAsync(string dir, string input, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck", $"-env:UserInstallation=file://{_profile}",
                     "--convert-to", "pdf", "--outdir", dir, input,
                 })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new PdfUnavailable("无法启动 LibreOffice", "LibreOffice could not be started", true);
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested) throw;
            throw new PdfUnavailable("PDF 生成超时，请稍后重试", "The PDF conversion timed out; retry later", true);
        }
        if (p.ExitCode != 0)
        {
            _log.LogWarning("LibreOffice exited with {Code}: {Out} {Err}", p.ExitCode, await stdout, await stderr);
            throw new PdfUnavailable("PDF 生成失败，请稍后重试或下载 Word/Excel 文件", "The PDF conversion failed; retry or download the Word/Excel file", true);
        }
    }
}
