using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Hotline;

/// <summary>An agent logs a call by hand, with times to the second (rings depend on them), in the hotline's zone.</summary>
[Authorize(Policy = Policies.LogCalls)]
public sealed class NewCallModel(CallDesk desk, TimeProvider clock, CallSettings settings) : PageModel
{
    [BindProperty]
    public CallForm Input { get; set; } = new();

    public void OnGet()
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, settings.Zone);
        Input.RingingAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return this.Invalid();
        var call = await desk.LogAsync(
            new ManualCall(
                Input.CallerNumber,
                null,
                Input.ContactName,
                null,
                ToUtc(Input.RingingAt!.Value),
                Input.AnsweredAt is { } a ? ToUtc(a) : null,
                Input.EndedAt is { } e ? ToUtc(e) : null,
                Input.Note
            ),
            ct
        );
        TempData["Flash"] = Texts.T("已登记来电");
        return this.SeeOther($"/Hotline?number={Uri.EscapeDataString(call.CallerNumber ?? "")}");
    }

    DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), settings.Zone);

    public static string ForInput(DateTime? local) =>
        local?.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public string ZoneName => settings.Zone.Id;
}

public sealed class CallForm
{
    [StringLength(32), Display(Name = "来电号码")]
    public string? CallerNumber { get; set; }

    [StringLength(100), Display(Name = "联系人")]
    public string? ContactName { get; set; }

    [Required, Display(Name = "来电时间")]
    public DateTime? RingingAt { get; set; }

    [Display(Name = "接听时间")]
    public DateTime? AnsweredAt { get; set; }

    [Display(Name = "挂断时间")]
    public DateTime? EndedAt { get; set; }

    [StringLength(1000), Display(Name = "备注")]
    public string? Note { get; set; }
}
