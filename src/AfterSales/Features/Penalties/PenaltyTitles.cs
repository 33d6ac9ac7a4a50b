using AfterSales.Platform.Localization;

namespace AfterSales.Features.Penalties;

/// <summary>How an entry is named on screen, in the current language.</summary>
public static class PenaltyTitles
{
    public static string Of(PenaltyLine l) =>
        l.Kind switch
        {
            PenaltyKind.LateRestoration when l.Period is { } p => Texts.T("逾期恢复第{0}天", p),
            PenaltyKind.Waiver or PenaltyKind.Correction when l.OriginalEntryId is { } o => Texts.T(
                "{0}（冲销 #{1}）",
                Texts.T(PenaltyKinds.Title(l.Kind)),
                o
            ),
            _ => Texts.T(PenaltyKinds.Title(l.Kind)),
        };
}
