using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.People;

/// <summary>
/// One version of a person's About Me (the seven sections of the PRSB About Me standard). Versions are never
/// changed: each save adds the next <see cref="Number"/>, so the full history stays, and two people saving
/// at once collide on the unique (person, number) pair instead of one silently overwriting the other.
/// </summary>
public class AboutMeVersion : IAuditedRecord, IPersonalRecord
{
    /// <summary>The longest a section may be, in characters (about four pages of text).</summary>
    public const int SectionLimit = 10_000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    /// <summary>1 for the first version, then 2, 3...</summary>
    public int Number { get; set; }

    [ProtectedText]
    public string? WhatMattersMost { get; set; }

    [ProtectedText]
    public string? PeopleImportant { get; set; }

    [ProtectedText]
    public string? Communication { get; set; }

    [ProtectedText]
    public string? Wellness { get; set; }

    [ProtectedText]
    public string? PleaseDoAndDont { get; set; }

    [ProtectedText]
    public string? HowAndWhenToSupport { get; set; }

    [ProtectedText]
    public string? AlsoWorthKnowing { get; set; }

    /// <summary>Who helped the person write this version, in words ("my daughter Aisha", "Sam, link worker").</summary>
    public string? SupportedBy { get; set; }

    /// <summary>UTC: the "last updated" date shown with the About Me.</summary>
    public DateTime WrittenAt { get; set; }

    public string? WrittenByUserId { get; set; }

    public required string WrittenByName { get; set; }

    /// <summary>True when the person wrote this version themselves (or a suggestion of theirs was accepted).</summary>
    public bool WrittenByPerson { get; set; }

    public string? this[AboutMeSection section]
    {
        get => section switch
        {
            AboutMeSection.WhatMattersMost => WhatMattersMost,
            AboutMeSection.PeopleImportant => PeopleImportant,
            AboutMeSection.Communication => Communication,
            AboutMeSection.Wellness => Wellness,
            AboutMeSection.PleaseDoAndDont => PleaseDoAndDont,
            AboutMeSection.HowAndWhenToSupport => HowAndWhenToSupport,
            AboutMeSection.AlsoWorthKnowing => AlsoWorthKnowing,
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        };
        set
        {
            switch (section)
            {
                case AboutMeSection.WhatMattersMost: WhatMattersMost = value; break;
                case AboutMeSection.PeopleImportant: PeopleImportant = value; break;
                case AboutMeSection.Communication: Communication = value; break;
                case AboutMeSection.Wellness: Wellness = value; break;
                case AboutMeSection.PleaseDoAndDont: PleaseDoAndDont = value; break;
                case AboutMeSection.HowAndWhenToSupport: HowAndWhenToSupport = value; break;
                case AboutMeSection.AlsoWorthKnowing: AlsoWorthKnowing = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(section));
            }
        }
    }
}

/// <summary>The seven sections of About Me, in the order they are shown.</summary>
public enum AboutMeSection
{
    WhatMattersMost,
    PeopleImportant,
    Communication,
    Wellness,
    PleaseDoAndDont,
    HowAndWhenToSupport,
    AlsoWorthKnowing,
}
