using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;

namespace AfterSales.Features.Demo;

/// <summary>
/// One plausible life of a work order, played through the entity's verbs so every generated row
/// obeys the same rules as real ones. Each step happens some time after the previous one; a step
/// that would fall after "now" is not played, which leaves recent work orders open at some stage.
/// Events are recorded a minute after they happen.
/// </summary>
internal sealed class History(Random random, DateTime now, IServiceCalendar calendar, List<(string Id, string Name)> technicians)
{
    static readonly string[] Faults =
    [
        "灯箱不亮",
        "标牌松动",
        "显示屏花屏",
        "导向牌字体脱落",
        "立柱倾斜",
        "LED 模组闪烁",
        "门牌褪色",
        "控制器故障",
    ];
    static readonly Actor Agent = new(null, "坐席");

    DateTime _at;

    public static bool Breached(WorkOrderClock c, DateTime now) => c.DueUtc is { } due && (c.MetAtUtc is { } met ? met > due : due < now);

    public WorkOrder Play(string number, DateTime received, Target target)
    {
        var cause = random.Next(100) switch
        {
            < 85 => FaultCause.Defect,
            < 92 => FaultCause.Unknown,
            < 97 => FaultCause.Misuse,
            _ => FaultCause.Consultation,
        };
        var terms = target.Contract.Terms;
        var coverage = CoverageDecision.Decide(
            cause,
            target.Contract.Coverage,
            DateOnly.FromDateTime(Platform.Formatting.Display.ToLocal(received, target.TimeZone))
        );
        var intake = new Intake(
            target.CustomerId,
            target.Contract.Id,
            [target.AssetId],
            (Channel)random.Next(6),
            received,
            null,
            Faults[random.Next(Faults.Length)],
            null,
            null,
            random.Next(100) < 3,
            cause
        );
        var w = WorkOrder.Open(number, intake, terms, coverage, calendar, target.TimeZone, Agent, received);
        _at = received;
        Play(w, terms);
        foreach (var c in w.Clocks.Where(c => Breached(c, now)))
            w.RecordClockAlert(c.Kind, breached: true, c.DueUtc!.Value, Min(c.DueUtc.Value.AddSeconds(30), now));
        return w;
    }

    void Play(WorkOrder w, ServiceTerms terms)
    {
        // Mostly answered well within the 4 hours; a few late.
        if (!Next(random.Next(100) < 95 ? random.Next(5, 200) : random.Next(240, 600)))
            return;
        w.Respond(_at, "已致电客户了解情况", Agent, Recorded);
        if (w.IsMajor && Next(random.Next(30, 300)))
            w.RecordExpertMeasures(_at, "专家远程会诊，制定处置方案", Agent, Recorded);
        if (w.Charge == Charge.Chargeable)
        {
            // The customer answers the quote within two days, agreeing a completion some days later.
            if (!Next(random.Next(60, 2_880)))
                return;
            w.AcceptRepairAgreement(_at.AddDays(random.Next(2, 6)), calendar, Agent, Recorded);
        }
        if (!Next(random.Next(10, 60)))
            return;
        var solved = random.Next(100) < 35;
        w.RecordRemoteDiagnosis(_at, solved, solved ? "远程指导复位后恢复" : "远程指导无效，需上门", Agent, Recorded);
        if (!solved)
        {
            if (!Next(random.Next(5, 30)))
                return;
            var (id, name) = technicians[random.Next(technicians.Count)];
            w.Dispatch(id, name, _at, terms, calendar, Agent, Recorded);
            if (!Next(random.Next(100) < 92 ? random.Next(30, 300) : random.Next(600, 2_000)))
                return;
            w.Arrive(_at, new Actor(id, name), Recorded);
            if (random.Next(100) < 6)
            {
                // Waiting on the customer (no access to the site…); recent ones are still waiting.
                if (!Next(random.Next(10, 60)))
                    return;
                w.Pause(_at, "等待客户安排进场时间", calendar, Agent, Recorded);
                if (!Next(random.Next(60, 2_880)))
                    return;
                w.Resume(_at, calendar, Agent, Recorded);
            }
            if (!Next(random.Next(100) < 90 ? random.Next(30, 600) : random.Next(1_500, 5_000)))
                return;
            w.Restore(_at, "更换损坏部件，恢复运行", new Actor(id, name), Recorded);
        }
        if (!Next(random.Next(60, 1_440)))
            return;
        w.Confirm(_at, "客户确认已恢复", Agent, Recorded);
        if (!Next(random.Next(10, 2_880)))
            return;
        w.Close(_at, null, Agent, Recorded);
    }

    /// <summary>Moves on by <paramref name="minutes"/>; false when that is still in the future.</summary>
    bool Next(int minutes)
    {
        var next = _at.AddMinutes(minutes).AddSeconds(random.Next(60));
        if (next.AddMinutes(1) > now)
            return false;
        _at = next;
        return true;
    }

    DateTime Recorded => _at.AddMinutes(1);

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

/// <summary>Where a generated work order happens: an asset, its customer's zone and its contract.</summary>
internal sealed record Target(long AssetId, long CustomerId, string TimeZone, Contract Contract);
