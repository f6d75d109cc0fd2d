using System.Security.Cryptography;
using System.Text;

namespace Kith.Core.Directory.Demo;

/// <summary>
/// The terms of Kith's "What" and "Who" taxonomies (<see cref="KithTaxonomies"/>), with ids derived from
/// the taxonomy and the term's code so they are the same in every database and every release.
/// </summary>
public static class DemoTaxonomies
{
    /// <summary>"What" terms: code, name, parent code (null at the top), description.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string? Parent, string Description)> WhatTerms =
    [
        ("physical-activity", "Physical activity", null, "Ways to move more, at any pace."),
        ("walking-groups", "Walking groups", "physical-activity", "Led walks and walking groups, from gentle strolls to hill walks."),
        ("gentle-exercise", "Gentle exercise", "physical-activity", "Chair-based exercise, yoga, tai chi and other low-impact movement."),
        ("dance", "Dance and movement", "physical-activity", "Tea dances, line dancing and moving to music."),
        ("sport", "Sport and games", "physical-activity", "Team and individual sports, including walking versions."),
        ("cycling", "Cycling", "physical-activity", "Learning to ride, group rides and bike maintenance."),
        ("swimming", "Swimming", "physical-activity", "Swimming sessions and water-based exercise."),
        ("gardening", "Gardening and growing", null, "Allotments, community gardens and growing food together."),
        ("arts-crafts", "Arts and crafts", null, "Making things: painting, pottery, knitting, writing."),
        ("music-singing", "Music and singing", null, "Choirs, bands and singing for health."),
        ("food-cooking", "Food and cooking", null, "Shared meals, cooking skills and affordable food."),
        ("money-advice", "Money and debt advice", null, "Help with benefits, debts, budgeting and saving."),
        ("mental-wellbeing", "Mental health and wellbeing", null, "Peer support, talking and feeling better."),
        ("learning", "Learning and skills", null, "Courses, classes and learning something new."),
        ("volunteering", "Volunteering", null, "Giving time and skills to the community."),
        ("social", "Social groups and friendship", null, "Meeting people, making friends and feeling part of things."),
        ("faith", "Faith and belief", null, "Places of worship and faith communities."),
        ("nature", "Nature and green spaces", null, "Parks, woods, rivers and looking after them."),
        ("families", "Parents and families", null, "Activities and support for parents, carers and children."),
        ("digital", "Digital skills", null, "Getting online and using phones, tablets and computers with confidence."),
        ("carers-support", "Carers' support", null, "Support and breaks for people who look after someone."),
        ("housing", "Housing advice", null, "Help with renting, repairs, homelessness and housing rights."),
        ("heritage", "Heritage and local history", null, "The area's stories, places and traditions."),
        ("work", "Employment and work", null, "Getting into work, volunteering towards work and skills for jobs."),
        ("health", "Health and care", null, "Health checks, clinics and support to manage health."),
    ];

    /// <summary>"Who" terms: code, name, description.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Description)> WhoTerms =
    [
        ("older-people", "Older people", "Especially for people in later life."),
        ("young-people", "Young people", "Especially for young people, roughly 11 to 25."),
        ("children-families", "Children and families", "Especially for children with their parents or carers."),
        ("carers", "Carers", "Especially for people who look after someone."),
        ("men", "Men", "Especially for men."),
        ("women", "Women", "Especially for women."),
        ("lgbtq", "LGBTQ+ people", "Especially for lesbian, gay, bisexual, trans and queer people."),
        ("disabled-people", "Disabled people", "Especially for disabled people."),
        ("dementia", "People with dementia", "Especially for people living with dementia and those close to them."),
        ("refugees", "Refugees and asylum seekers", "Especially for people who have come to the UK seeking safety."),
        ("unpaid-carers", "Unpaid carers", "Especially for family members and friends who care without pay."),
        ("long-term-conditions", "People living with long-term conditions", "Especially for people living with a long-term health condition."),
        ("new-to-area", "People new to the area", "Especially for people who have recently moved here."),
    ];

    /// <summary>The stable id of the "What" term with this code, e.g. "walking-groups".</summary>
    public static Guid What(string code) => TermId(KithTaxonomies.What, code);

    /// <summary>The stable id of the "Who" term with this code, e.g. "older-people".</summary>
    public static Guid Who(string code) => TermId(KithTaxonomies.Who, code);

    /// <summary>A name-based id (SHA-256 of the taxonomy id and the code, shaped as an RFC 9562 version 8 Guid).</summary>
    public static Guid TermId(Guid taxonomyId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{taxonomyId:D}/{code}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>The two taxonomies with all their terms, ready to add to a context.</summary>
    public static IReadOnlyList<Taxonomy> Create()
    {
        var what = new Taxonomy
        {
            Id = KithTaxonomies.What,
            Name = "What",
            Description = "The kind of activity or support a community asset offers.",
            Version = "1",
        };
        foreach (var (code, name, parent, description) in WhatTerms)
        {
            what.Terms.Add(new TaxonomyTerm
            {
                Id = What(code),
                TaxonomyId = what.Id,
                Code = code,
                Name = name,
                Description = description,
                ParentId = parent is null ? null : What(parent),
                Language = "en",
            });
        }

        var who = new Taxonomy
        {
            Id = KithTaxonomies.Who,
            Name = "Who",
            Description = "Groups of people a community asset is especially for. Everyone else is usually welcome too.",
            Version = "1",
        };
        foreach (var (code, name, description) in WhoTerms)
        {
            who.Terms.Add(new TaxonomyTerm { Id = Who(code), TaxonomyId = who.Id, Code = code, Name = name, Description = description, Language = "en" });
        }

        return [what, who];
    }
}
