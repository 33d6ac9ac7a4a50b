namespace AfterSales.Features.WorkOrders.Clocks;

public enum ClockState
{
    /// <summary>Counting, less than 75% of the window consumed.</summary>
    Running,

    /// <summary>At least 75% of the window consumed (in service time), not yet due (DESIGN §4).</summary>
    DueSoon,

    /// <summary>Stopped by an open pause with service time left, so the due instant is not known yet.</summary>
    Paused,

    /// <summary>Its meeting event occurred at or before the due instant.</summary>
    Met,

    /// <summary>The due instant passed unmet, or the meeting event came after it.</summary>
    Breached,
}
