using Engagement.Api.Domain.Common;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Domain.Dialogues;

/// <summary>
/// A constructive dialogue between civil society and States parties, held after a working-group session. Its seat
/// counters (<see cref="ApprovedInPerson"/>, <see cref="ApprovedOnline"/>) are changed only by the seat ledger's
/// atomic SQL, so capacity holds under any number of concurrent applications.
/// </summary>
public sealed class ConstructiveDialogue
{
    public static readonly IReadOnlyList<StakeholderCategory> DefaultApplyingCategories =
        [StakeholderCategory.Ngo, StakeholderCategory.Academia, StakeholderCategory.PrivateSector];

    public static readonly IReadOnlyList<StakeholderCategory> DefaultAttendingCategories =
        [StakeholderCategory.StateParty, StakeholderCategory.Signatory, StakeholderCategory.NonSignatory, StakeholderCategory.IntergovernmentalOrganization];

    private ConstructiveDialogue()
    {
    }

    public Guid Id { get; private set; }

    public DialogueTopic Topic { get; private set; }

    public string Session { get; private set; } = "";

    public string Title { get; private set; } = "";

    public DateOnly HeldOn { get; private set; }

    public Venue Venue { get; private set; }

    public int InPersonCapacity { get; private set; }

    public int OnlineCapacity { get; private set; }

    public int ApprovedInPerson { get; private set; }

    public int ApprovedOnline { get; private set; }

    public DateOnly LastDayToApply { get; private set; }

    public string TimeZoneId { get; private set; } = LocalDeadline.Vienna;

    public List<StakeholderCategory> ApplyingCategories { get; private set; } = [];

    public List<StakeholderCategory> AttendingCategories { get; private set; } = [];

    public bool AutomaticApproval { get; private set; }

    public ChairSummary? ChairSummary { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: changes with every update of the row.</summary>
    public uint Version { get; private set; }

    public LocalDeadline Deadline => new(LastDayToApply, TimeZoneId);

    public bool IsOpen(DateTimeOffset now) => !Deadline.HasPassed(now);

    public static ConstructiveDialogue Schedule(DialogueSchedule schedule, string? idempotencyKey, DateTimeOffset now)
    {
        schedule.Validate();
        return new ConstructiveDialogue
        {
            Id = Guid.CreateVersion7(now),
            Topic = schedule.Topic,
            Session = schedule.Session.Trim(),
            Title = schedule.Title.Trim(),
            HeldOn = schedule.HeldOn,
            Venue = schedule.Venue,
            InPersonCapacity = schedule.InPersonCapacity,
            OnlineCapacity = schedule.OnlineCapacity,
            LastDayToApply = schedule.LastDayToApply,
            TimeZoneId = schedule.TimeZoneId,
            ApplyingCategories = [.. schedule.ApplyingCategories.Distinct().Order()],
            AttendingCategories = [.. schedule.AttendingCategories.Distinct().Order()],
            AutomaticApproval = schedule.AutomaticApproval,
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
        };
    }

    /// <summary>New capacity, deadline, venue or approval mode; never below the seats already approved.</summary>
    public void Change(Venue venue, int inPersonCapacity, int onlineCapacity, DateOnly lastDayToApply, bool automaticApproval)
    {
        var schedule = new DialogueSchedule(Topic, Session, Title, HeldOn, venue, inPersonCapacity, onlineCapacity, lastDayToApply,
            TimeZoneId, ApplyingCategories, AttendingCategories, automaticApproval);
        schedule.Validate();
        if (inPersonCapacity < ApprovedInPerson || onlineCapacity < ApprovedOnline)
        {
            throw DomainException.Precondition("CAPACITY_BELOW_APPROVED", $"dialogue/{Id}",
                $"The capacity cannot go below the seats already approved ({ApprovedInPerson} in person, {ApprovedOnline} online).");
        }
        Venue = venue;
        InPersonCapacity = inPersonCapacity;
        OnlineCapacity = onlineCapacity;
        LastDayToApply = lastDayToApply;
        AutomaticApproval = automaticApproval;
    }

    public void PublishChairSummary(ChairSummary summary) => ChairSummary = summary;

    public int CapacityFor(ParticipationMode mode) => mode == ParticipationMode.InPerson ? InPersonCapacity : OnlineCapacity;

    public bool Offers(ParticipationMode mode) => CapacityFor(mode) > 0;

    public int ApprovedFor(ParticipationMode mode) => mode == ParticipationMode.InPerson ? ApprovedInPerson : ApprovedOnline;

    public bool HasFreeSeat(ParticipationMode mode) => ApprovedFor(mode) < CapacityFor(mode);

    /// <summary>Takes a seat; only while the dialogue's row is locked (the seat ledger's job).</summary>
    public void TakeSeat(ParticipationMode mode)
    {
        if (!Offers(mode))
        {
            throw DomainException.Precondition("MODE_NOT_OFFERED", $"dialogue/{Id}",
                mode == ParticipationMode.InPerson ? "This dialogue is held online only." : "This dialogue has no online participation.");
        }
        if (!HasFreeSeat(mode))
        {
            throw DomainException.Precondition("CAPACITY_FULL", $"dialogue/{Id}",
                $"All {CapacityFor(mode)} {(mode == ParticipationMode.InPerson ? "in-person" : "online")} seats are taken: waitlist the application, or free a seat first.");
        }
        if (mode == ParticipationMode.InPerson)
        {
            ApprovedInPerson++;
        }
        else
        {
            ApprovedOnline++;
        }
    }

    /// <summary>Gives a seat back (no one on the waitlist to take it); only while the row is locked.</summary>
    public void GiveBackSeat(ParticipationMode mode)
    {
        if (mode == ParticipationMode.InPerson)
        {
            ApprovedInPerson = Math.Max(0, ApprovedInPerson - 1);
        }
        else
        {
            ApprovedOnline = Math.Max(0, ApprovedOnline - 1);
        }
    }

    public void EnsureOpen(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw DomainException.Precondition("APPLICATIONS_CLOSED", $"dialogue/{Id}",
                $"Applications for this dialogue closed at midnight {TimeZoneId} time at the end of {LastDayToApply:d MMMM yyyy}.");
        }
    }

    public void EnsureAdmits(StakeholderCategory category)
    {
        if (!ApplyingCategories.Contains(category))
        {
            throw DomainException.Precondition("CATEGORY_NOT_ADMITTED", $"dialogue/{Id}",
                AttendingCategories.Contains(category)
                    ? "States and intergovernmental organizations attend without applying: contact the secretariat."
                    : "This dialogue does not take applications from this category of organization.");
        }
    }
}
