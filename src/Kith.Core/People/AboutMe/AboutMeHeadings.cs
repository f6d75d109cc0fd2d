namespace Kith.Core.People.AboutMe;

/// <summary>The plain heading of each About Me section, in the order shown.</summary>
public static class AboutMeHeadings
{
    public static IReadOnlyList<(AboutMeSection Section, string Heading)> All { get; } =
    [
        (AboutMeSection.WhatMattersMost, "What matters most to them"),
        (AboutMeSection.PeopleImportant, "People who are important to them"),
        (AboutMeSection.Communication, "How they communicate and how to communicate with them"),
        (AboutMeSection.Wellness, "Their wellness"),
        (AboutMeSection.PleaseDoAndDont, "Please do and please don't"),
        (AboutMeSection.HowAndWhenToSupport, "How and when to support them"),
        (AboutMeSection.AlsoWorthKnowing, "Anything else worth knowing"),
    ];

    public static string Of(AboutMeSection section) => All.Single(h => h.Section == section).Heading;
}
