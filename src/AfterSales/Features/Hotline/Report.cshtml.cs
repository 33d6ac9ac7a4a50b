using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Hotline;

/// <summary>接听率报表: the share of calls answered within three rings per day, per agent and overall.</summary>
[Authorize(Policy = Policies.CallReport)]
public sealed class RingReportModel(AppDbContext db, TimeProvider clock, CallSettings settings) : PageModel, Platform.Errors.IReloadsOnError
{
    public CallReportOutput Report { get; private set; } = null!;

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        // A reversed range shows the default days rather than an error page: it is only a filter.
        if (from > to)
            (from, to) = (null, null);
        var (f, t) = ReportRange.Resolve(from, to, clock, settings);
        Report = await CallReport.RunAsync(db, f, t, ct);
    }

    public Task ReloadAsync(CancellationToken ct) => OnGetAsync(null, null, ct);

    public double CycleSeconds => settings.RingCycle.TotalSeconds;

    public static string Percent(RingShare s) =>
        s.Share is { } v ? (v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
