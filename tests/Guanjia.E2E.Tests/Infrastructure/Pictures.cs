using Microsoft.Playwright;

namespace Guanjia.E2E.Tests.Infrastructure;

/// <summary>Pictures for upload, drawn by the browser itself, so the repository holds no binary test files.</summary>
public static class Pictures
{
    /// <summary>A 640×480 PNG: a lane at night with one dark lamp.</summary>
    public static async Task<byte[]> DarkLaneAsync(IPage page)
    {
        var dataUrl = await page.EvaluateAsync<string>("""
            () => {
              const c = document.createElement('canvas'); c.width = 640; c.height = 480;
              const g = c.getContext('2d');
              const sky = g.createLinearGradient(0, 0, 0, 360); sky.addColorStop(0, '#0b1530'); sky.addColorStop(1, '#2b3a5c');
              g.fillStyle = sky; g.fillRect(0, 0, 640, 360);
              g.fillStyle = '#3a3a40'; g.fillRect(0, 360, 640, 120);
              g.fillStyle = '#555'; g.fillRect(420, 120, 8, 240);
              g.fillStyle = '#222'; g.beginPath(); g.arc(424, 116, 18, 0, Math.PI * 2); g.fill();
              g.fillStyle = '#8a6d4a'; g.fillRect(60, 200, 160, 160);
              return c.toDataURL('image/png');
            }
            """);
        return Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',') + 1)..]);
    }
}
