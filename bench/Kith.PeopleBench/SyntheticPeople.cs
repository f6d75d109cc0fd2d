using Kith.Core.People;

namespace Kith.PeopleBench;

/// <summary>
/// Seeded synthetic people for the benchmark, each with the load: 20 conversations (one quote each),
/// 10 strengths, 15 network ties and 12 ONS4 check-ins, plus an About Me, two goals with actions and a
/// consent. Made-up words only; the same seed gives the same people.
/// </summary>
internal sealed class SyntheticPeople(int seed, DateTime now)
{
    private static readonly string[] FirstNames = ["Amira", "Ben", "Chidi", "Dana", "Eilidh", "Farah", "Gareth", "Hana", "Idris", "Joan", "Kofi", "Lena", "Mo", "Niamh", "Olu", "Priya", "Rhys", "Sana", "Tom", "Uma", "Viktor", "Wen", "Yusuf", "Zofia"];
    private static readonly string[] LastNames = ["Ahmed", "Baker", "Chen", "Davies", "Evans", "Fraser", "Ghosh", "Hughes", "Iqbal", "Jones", "Kowalski", "Lewis", "Mensah", "Nowak", "Okafor", "Patel", "Quinn", "Roberts", "Singh", "Taylor", "Usman", "Walsh", "Young"];
    private static readonly string[] Interests = ["gardening", "walking", "singing", "knitting", "football", "cooking", "painting", "fishing", "chess", "reading", "baking", "cycling", "dancing", "woodwork", "photography"];
    private static readonly string[] Words = ["I like being outside", "my grandchildren keep me going", "I used to run the allotment", "I want to meet people again", "mornings are hard", "I miss the choir", "I can fix most things", "the bus is a problem", "I would like to help others", "I feel better after a walk"];

    private readonly Random random = new(seed);

    public DateOnly Today => DateOnly.FromDateTime(now);

    /// <summary>One person and everything on their record, written through <paramref name="insert"/>.</summary>
    public Person Write(BulkInsert insert, int number, Guid teamId)
    {
        var first = Pick(FirstNames);
        var person = new Person
        {
            Name = $"{first} {Pick(LastNames)} {number}",
            PreferredName = random.Next(3) == 0 ? first : null,
            DateOfBirth = Today.AddYears(-18 - random.Next(70)).AddDays(-random.Next(365)),
            Email = $"person{number}@example.invalid",
            Phone = $"07700 9{random.Next(10000, 99999)}",
            Address = $"{random.Next(1, 200)} Synthetic Street",
            Postcode = $"AV{random.Next(1, 7)} {random.Next(1, 9)}AB",
            PreferredContact = (ContactMethod)random.Next(6),
            PreferredLanguage = random.Next(8) == 0 ? "Urdu" : "English",
            CreatedAt = now.AddDays(-random.Next(900)),
            LastModified = now.AddDays(-random.Next(30)),
        };
        insert.Add(person);
        insert.Add(new PersonTeam { PersonId = person.Id, TeamId = teamId, Since = DateOnly.FromDateTime(person.CreatedAt) });
        insert.Add(new AboutMeVersion
        {
            PersonId = person.Id,
            Number = 1,
            WhatMattersMost = Pick(Words),
            PeopleImportant = "My sister and my neighbour.",
            Communication = "Text me first; I do not answer unknown numbers.",
            Wellness = "Walking helps.",
            WrittenAt = person.CreatedAt,
            WrittenByName = "Synthetic worker",
        });

        for (var i = 0; i < 20; i++)
        {
            var conversation = new Conversation
            {
                PersonId = person.Id,
                HeldOn = Today.AddDays(-7 * i - random.Next(7)),
                Type = (ConversationType)random.Next(3),
                WhoWasPresent = "Their daughter",
                Notes = $"We talked about {Pick(Interests)} and what a good week looks like.",
                Agreed = $"Try the {Pick(Interests)} group next week.",
                ComeBackOn = i == 0 ? Today.AddDays(random.Next(1, 30)) : null,
                RecordedAt = now.AddDays(-7 * i),
                RecordedByName = "Synthetic worker",
            };
            insert.Add(conversation);
            insert.Add(new ConversationQuote { ConversationId = conversation.Id, PersonId = person.Id, Order = 0, Words = Pick(Words) });
        }

        for (var i = 0; i < 10; i++)
        {
            var words = $"{Pick(Interests)} {i}";
            insert.Add(new Strength
            {
                PersonId = person.Id,
                Category = (StrengthCategory)(i % 6),
                Words = words,
                SearchText = words,
                NamedBy = (NamedBy)random.Next(3),
                RecordedAt = person.CreatedAt,
                RecordedByName = "Synthetic worker",
            });
        }

        for (var i = 0; i < 15; i++)
        {
            insert.Add(new NetworkTie
            {
                PersonId = person.Id,
                To = (TieTo)random.Next(4),
                Name = $"{Pick(FirstNames)} ({i})",
                Relationship = i % 3 == 0 ? "friend" : "neighbour",
                IsFormal = random.Next(4) == 0,
                Strength = random.Next(1, 6),
                Valence = (TieValence)random.Next(4),
                Direction = (SupportDirection)random.Next(3),
                Frequency = (TieFrequency)random.Next(5),
                CreatedAt = person.CreatedAt,
                LastModified = person.CreatedAt,
            });
        }

        string[] ons4 = ["life-satisfaction", "worthwhile", "happiness", "anxiety"];
        for (var i = 0; i < 12; i++)
        {
            var checkIn = new CheckIn
            {
                PersonId = person.Id,
                InstrumentKey = "ons4",
                InstrumentVersion = "1",
                TakenOn = Today.AddDays(-30 * i),
                Stage = i == 11 ? CheckInStage.Start : CheckInStage.FollowUp,
                RecordedAt = now.AddDays(-30 * i),
                RecordedByName = "Synthetic worker",
            };
            insert.Add(checkIn);
            foreach (var item in ons4)
            {
                insert.Add(new CheckInAnswer { CheckInId = checkIn.Id, PersonId = person.Id, ItemKey = item, Value = random.Next(11) });
            }
        }

        for (var i = 0; i < 2; i++)
        {
            var goal = new Goal
            {
                PersonId = person.Id,
                Words = $"I want to get back to {Pick(Interests)}",
                Status = GoalStatus.Active,
                CreatedAt = person.CreatedAt,
                LastModified = person.CreatedAt,
            };
            insert.Add(goal);
            insert.Add(new GoalAction { GoalId = goal.Id, PersonId = person.Id, What = "Find a group nearby", Owner = ActionOwner.Person, DueOn = Today.AddDays(random.Next(60)) });
        }

        insert.Add(new Consent
        {
            PersonId = person.Id,
            Scope = ConsentScope.Team,
            AgreedOn = DateOnly.FromDateTime(person.CreatedAt),
            How = ConsentMethod.Verbally,
            RecordedAt = person.CreatedAt,
            RecordedByName = "Synthetic worker",
        });
        return person;
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
