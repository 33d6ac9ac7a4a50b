using AfterSales.Features.Complaints.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Complaints;

/// <summary>What intake knows about a new complaint.</summary>
public sealed record ComplaintIntake(
    long CustomerId,
    string? ContactName,
    string? ContactPhone,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    long? WorkOrderId,
    string? StaffMember,
    string Description,
    string? Wish,
    DateTime ReceivedAtUtc,
    string? BackdateReason,
    bool IsMajor,
    long? CallId
);

public sealed partial class Complaint
{
    /// <summary>
    /// Receives a complaint: the reply clock starts at receipt, and the explanation clock too when
    /// it is major (DESIGN §4). As for work orders, a time more than a few minutes in the past
    /// needs a reason and a future time is refused.
    /// </summary>
    public static Complaint Receive(
        string number,
        ComplaintIntake intake,
        TimeSpan replyWindow,
        IServiceCalendar calendar,
        string timeZone,
        Actor by,
        DateTime nowUtc,
        string? idempotencyKey = null
    )
    {
        ArgumentNullException.ThrowIfNull(intake);
        if (intake.ReceivedAtUtc > nowUtc)
            throw DomainException.For("ReceivedAt", "受理时间不能晚于当前时间");
        if (nowUtc - intake.ReceivedAtUtc > WorkOrder.BackdateTolerance && string.IsNullOrWhiteSpace(intake.BackdateReason))
            throw DomainException.For("BackdateReason", "受理时间早于当前时间，请说明补录原因");
        var c = new Complaint
        {
            Number = number,
            CustomerId = intake.CustomerId,
            ContactName = Blank(intake.ContactName),
            ContactPhone = Blank(intake.ContactPhone),
            Channel = intake.Channel,
            Category = intake.Category,
            WorkOrderId = intake.WorkOrderId,
            StaffMember = Blank(intake.StaffMember),
            Description = Required(intake.Description, "Description", "请填写投诉内容"),
            Wish = Blank(intake.Wish),
            ReceivedAtUtc = intake.ReceivedAtUtc,
            BackdateReason = Blank(intake.BackdateReason),
            IsMajor = intake.IsMajor,
            CallId = intake.CallId,
            Status = ComplaintStatus.Received,
            TimeZone = timeZone,
            CreatedAtUtc = nowUtc,
            CreatedBy = by.Name,
            IdempotencyKey = idempotencyKey,
        };
        foreach (var clock in ComplaintClockRules.AtReceipt(intake.ReceivedAtUtc, intake.IsMajor, replyWindow))
            c.Clocks.Add(new ComplaintClock(clock, calendar));
        c.Append(ComplaintEventType.Received, intake.ReceivedAtUtc, nowUtc, by, c.BackdateReason);
        return c;
    }
}
