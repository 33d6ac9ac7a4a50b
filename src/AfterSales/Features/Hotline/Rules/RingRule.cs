namespace AfterSales.Features.Hotline.Rules;

/// <summary>
/// The hotline promise (DESIGN §2, promise 14): a call is answered within three rings. The phone
/// system reports when a call started ringing and when it was answered; rings are the waiting
/// time divided by the ring cycle (5 s unless configured), rounded up, so 15.0 s is three rings
/// and 15.1 s four. A call nobody answered never meets the promise, however short it rang:
/// the promise is to answer, and a caller who gives up after two rings was not served either.
/// </summary>
public static class RingRule
{
    public const int PromisedRings = 3;

    public static readonly TimeSpan DefaultCycle = TimeSpan.FromSeconds(5);

    /// <summary>Whole or started ring cycles in <paramref name="wait"/>, in integer ticks so no rounding creeps in.</summary>
    public static int Rings(TimeSpan wait, TimeSpan cycle)
    {
        if (cycle <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(cycle), "The ring cycle must be positive.");
        if (wait < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(wait), "A call cannot be answered before it rings.");
        return (int)Math.Min(int.MaxValue, (wait.Ticks + cycle.Ticks - 1) / cycle.Ticks);
    }

    /// <summary>
    /// What the timestamps known so far say about the promise. Events may arrive in any order,
    /// so this is asked again after each one: undecided (null) until the call is answered with
    /// its ringing known, or has ended unanswered.
    /// </summary>
    public static RingAssessment Assess(DateTime? ringingUtc, DateTime? answeredUtc, DateTime? endedUtc, TimeSpan cycle)
    {
        if (ringingUtc is not { } ringing)
            return RingAssessment.Undecided;
        if (answeredUtc is { } answered)
        {
            var rings = Rings(answered - ringing, cycle);
            return new RingAssessment(rings, rings <= PromisedRings);
        }
        if (endedUtc is { } ended)
            return new RingAssessment(Rings(ended - ringing, cycle), false);
        return RingAssessment.Undecided;
    }
}

/// <summary>Rings counted for a call and whether it met the promise; both null while undecided.</summary>
public sealed record RingAssessment(int? Rings, bool? Met)
{
    public static readonly RingAssessment Undecided = new(null, null);
}
