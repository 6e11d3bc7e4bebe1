using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Receta.Testing;

/// <summary>
/// How a page arrives on a phone's slow connection: what it transferred, how many requests its
/// first paint waited for (the page itself and every render-blocking stylesheet or script: one
/// means it painted from its first answer), and when it was painted and usable. One measurement, shared by the browser
/// test that records it and the benchmark (bench/first-paint) that asserts it over many loads.
/// </summary>
public sealed record FirstPaint(string Path, long Bytes, int Requests, int RequestsToPaint, double PaintedMs, double UsableMs)
{
    /// <summary>Issue 12's budget: a cold dashboard is at most 40 KB transferred, compressed.</summary>
    public const long MaxBytes = 40 * 1024;

    /// <summary>Issue 12's budget: painted and usable within 1.5 s of the tap, on <see cref="EmulatePhoneNetworkAsync"/>.</summary>
    public const double UsableWithinMs = 1500;

    /// <summary>A phone's slow connection: 400 ms added to every request, 50 KB/s each way.</summary>
    public static readonly IReadOnlyDictionary<string, object> PhoneNetwork = new Dictionary<string, object>
    {
        ["offline"] = false,
        ["latency"] = 400,
        ["downloadThroughput"] = 50 * 1024,
        ["uploadThroughput"] = 50 * 1024,
    };

    /// <summary>Puts <paramref name="page"/> on <see cref="PhoneNetwork"/>, through Chromium's DevTools protocol.</summary>
    public static async Task EmulatePhoneNetworkAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var network = await page.Context.NewCDPSessionAsync(page);
        await network.SendAsync("Network.enable");
        await network.SendAsync("Network.emulateNetworkConditions", PhoneNetwork.ToDictionary());
    }

    /// <summary>
    /// Opens <paramref name="path"/> and waits until the network is idle. Painted is the largest
    /// contentful paint; usable is when, besides, the document is parsed (every link and form works
    /// without script). Both in ms from the navigation's start, the emulated latency included.
    /// </summary>
    public static async Task<FirstPaint> MeasureAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var responses = new List<IResponse>();
        void Collect(object? sender, IResponse response) => responses.Add(response);
        page.Response += Collect;
        try
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        }
        finally
        {
            page.Response -= Collect;
        }
        long bytes = 0;
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        var timing = await page.EvaluateAsync<JsonElement>("""
            () => new Promise(resolve => new PerformanceObserver((list, observer) => {
                const paints = list.getEntries();
                observer.disconnect();
                const painted = paints[paints.length - 1].startTime;
                const navigation = performance.getEntriesByType('navigation')[0];
                // A browser without the field would count no blocking request, whatever the page did.
                if (!('renderBlockingStatus' in navigation)) throw new Error('This browser does not say which requests block rendering.');
                const parsed = navigation.domContentLoadedEventEnd;
                const blocking = performance.getEntriesByType('resource').filter(r => r.renderBlockingStatus === 'blocking').length;
                resolve({ painted, usable: Math.max(painted, parsed), blocking });
            }).observe({ type: 'largest-contentful-paint', buffered: true }))
            """);
        return new FirstPaint(
            path, bytes, responses.Count, 1 + timing.GetProperty("blocking").GetInt32(),
            timing.GetProperty("painted").GetDouble(), timing.GetProperty("usable").GetDouble());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}: {Bytes} bytes ({Bytes / 1024.0:F1} KB) in {Requests} responses, {RequestsToPaint} needed to paint; painted at {PaintedMs:F0} ms, usable at {UsableMs:F0} ms");
}
