using Kith.Core.Platform.Audit;

namespace Kith.Core.People;

/// <summary>
/// Something the person wants, in their own words, with optional goal attainment scaling and the actions
/// that will get there. Not encrypted: connecting searches the words.
/// </summary>
public class Goal : IAuditedRecord, IPersonalRecord
{
    public const int WordsLimit = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    /// <summary>In the person's words: "I want to get back on my bike".</summary>
    public required string Words { get; set; }

    public string? WhyItMatters { get; set; }

    public GoalStatus Status { get; set; }

    /// <summary>True when the person wrote it (or a suggestion of theirs was accepted): shown "written by me".</summary>
    public bool WrittenByPerson { get; set; }

    /// <summary>Whether progress is rated on the goal attainment scale (−2 to +2).</summary>
    public bool UsesAttainmentScale { get; set; }

    /// <summary>What −2 looks like: much less than expected.</summary>
    public string? MuchLessThanExpected { get; set; }

    /// <summary>What −1 looks like.</summary>
    public string? LessThanExpected { get; set; }

    /// <summary>What 0 looks like: the expected outcome.</summary>
    public string? Expected { get; set; }

    /// <summary>What +1 looks like.</summary>
    public string? MoreThanExpected { get; set; }

    /// <summary>What +2 looks like: much more than expected.</summary>
    public string? MuchMoreThanExpected { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    public int Version { get; set; } = 1;

    public List<GoalRating> Ratings { get; set; } = [];

    public List<GoalAction> Actions { get; set; } = [];
}

/// <summary>A rating of a goal on the attainment scale at a date.</summary>
public class GoalRating : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid GoalId { get; set; }

    public Guid PersonId { get; set; }

    public DateOnly RatedOn { get; set; }

    /// <summary>−2 to +2 inclusive.</summary>
    public int Score { get; set; }

    public string? Note { get; set; }

    public required string RatedByName { get; set; }
}

/// <summary>A step towards a goal, owned by the person, family, community or services.</summary>
public class GoalAction : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid GoalId { get; set; }

    public Guid PersonId { get; set; }

    public required string What { get; set; }

    public ActionOwner Owner { get; set; }

    /// <summary>Who, in words ("Mum", "Ashworth Men's Shed", "Sam").</summary>
    public string? OwnerName { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? DoneOn { get; set; }

    public bool WrittenByPerson { get; set; }
}

public enum GoalStatus
{
    Active,
    Achieved,
    SetAside,
}

/// <summary>Who owns an action.</summary>
public enum ActionOwner
{
    Person,
    Family,
    Community,
    Services,
}
