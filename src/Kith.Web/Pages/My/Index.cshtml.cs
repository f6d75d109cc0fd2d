using Kith.Core.Data;
using Kith.Core.People;
using Kith.Web.People.MyView;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.My;

/// <summary>"Your plan": the person's own record in plain words, strengths first and concerns last.</summary>
public sealed class IndexModel(KithDbContext db) : MyPageModel
{
    protected override string RecordPart => "my-plan";

    public IReadOnlyList<IGrouping<StrengthCategory, Strength>> Strengths { get; private set; } = [];

    public IReadOnlyList<(AboutMeSection Section, string Text)> AboutMe { get; private set; } = [];

    public IReadOnlyList<NetworkTie> Ties { get; private set; } = [];

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public IReadOnlyList<(GoalAction Action, string Goal)> ComingUp { get; private set; } = [];

    public IReadOnlyList<Concern> Concerns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var strengths = await db.Strengths.AsNoTracking().Where(s => s.PersonId == PersonId && s.RemovedAt == null).ToListAsync(cancellationToken);
        Strengths = strengths.OrderBy(s => s.RecordedAt).GroupBy(s => s.Category).OrderBy(g => g.Key).ToList();
        var latest = await db.AboutMeVersions.AsNoTracking().Where(v => v.PersonId == PersonId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        AboutMe = latest is null
            ? []
            : Enum.GetValues<AboutMeSection>().Select(s => (s, latest[s])).Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => (x.s, x.Item2!)).ToList();
        Ties = (await db.NetworkTies.AsNoTracking().Where(t => t.PersonId == PersonId && t.EndedOn == null).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.Strength).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        Goals = (await db.Goals.AsNoTracking().Where(g => g.PersonId == PersonId && g.Status != GoalStatus.SetAside).ToListAsync(cancellationToken))
            .OrderBy(g => g.Status).ThenBy(g => g.CreatedAt).ToList();
        var words = Goals.ToDictionary(g => g.Id, g => g.Words);
        ComingUp = (await db.GoalActions.AsNoTracking().Where(a => a.PersonId == PersonId && a.DoneOn == null).ToListAsync(cancellationToken))
            .Where(a => words.ContainsKey(a.GoalId))
            .OrderBy(a => a.DueOn is null).ThenBy(a => a.DueOn).Select(a => (a, words[a.GoalId])).ToList();
        Concerns = (await db.Concerns.AsNoTracking().Where(c => c.PersonId == PersonId && c.Status != ConcernStatus.Resolved).ToListAsync(cancellationToken))
            .OrderBy(c => c.RaisedOn).ToList();
    }

    public static string Words(StrengthCategory category) => category switch
    {
        StrengthCategory.Skill => "Things you can do",
        StrengthCategory.Knowledge => "Things you know about",
        StrengthCategory.PassionOrInterest => "Things you love",
        StrengthCategory.Gift => "Things you could share with others",
        StrengthCategory.Quality => "What you are like",
        StrengthCategory.Experience => "What you have lived through and learned",
        _ => category.ToString(),
    };

    public static string Words(AboutMeSection section) => section switch
    {
        AboutMeSection.WhatMattersMost => "What matters most to you",
        AboutMeSection.PeopleImportant => "People who are important to you",
        AboutMeSection.Communication => "How you like to communicate",
        AboutMeSection.Wellness => "Keeping well",
        AboutMeSection.PleaseDoAndDont => "Please do and please don't",
        AboutMeSection.HowAndWhenToSupport => "How and when to support you",
        AboutMeSection.AlsoWorthKnowing => "Also worth knowing",
        _ => section.ToString(),
    };

    public static string Words(TieValence valence) => valence switch
    {
        TieValence.Supportive => "Helps",
        TieValence.Neutral => "Neither helps nor hinders",
        TieValence.Stressful => "Hard going",
        TieValence.Mixed => "Mixed",
        _ => valence.ToString(),
    };

    public static string Words(TieFrequency frequency) => frequency switch
    {
        TieFrequency.Daily => "Every day",
        TieFrequency.Weekly => "Every week",
        TieFrequency.Monthly => "Every month",
        TieFrequency.FewTimesAYear => "A few times a year",
        TieFrequency.Rarely => "Rarely",
        _ => frequency.ToString(),
    };

    public static string Words(ConcernArea area) => area switch
    {
        ConcernArea.Money => "Money",
        ConcernArea.Housing => "Housing",
        ConcernArea.Health => "Health",
        ConcernArea.Safety => "Feeling safe",
        ConcernArea.Loneliness => "Feeling lonely",
        ConcernArea.WorkOrLearning => "Work or learning",
        ConcernArea.Caring => "Caring for someone",
        _ => "Other",
    };

    public static string Words(ActionOwner owner, string? name) => name ?? owner switch
    {
        ActionOwner.Person => "You",
        ActionOwner.Family => "Family",
        ActionOwner.Community => "Someone in the community",
        _ => "Services",
    };
}
