using System.Text.Json;
using Kith.Core.People;
using Kith.Core.People.Erasure;
using Kith.Core.People.Export;
using Kith.Core.Platform.Audit;
using Kith.Core.Tests.Infrastructure;
using Kith.Core.Tests.People.Erasure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.People.Export;

public class SubjectAccessExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_holds_every_personal_record_type_decrypted_and_every_audit_event(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var (personId, _) = await PersonErasureServiceTests.SeedEverythingAsync(database, clock, "Erin Export", "erin@example.org");
        var (other, _) = await PersonErasureServiceTests.SeedEverythingAsync(database, clock, "Oscar Other", "oscar@example.org");

        await using var db = database.CreateContext(clock);
        var before = await db.AuditEvents.CountAsync(e => e.PersonId == personId);
        var bundle = await new SubjectAccessExport(db, new PersonAccessService(db, clock), clock).BuildAsync(personId, new ProcessContext(null, "system (command line)"));
        Assert.NotNull(bundle);

        // Fails when a personal record type is added to the model without a heading, or is missing from the export.
        foreach (var type in PersonalRecordTypes.InDeletionOrder(db.Model))
        {
            Assert.True(SubjectAccessExport.Titles.ContainsKey(type.ClrType.Name), $"Give {type.ClrType.Name} a plain-language heading in SubjectAccessExport.Titles.");
            var section = Assert.Single(bundle.Sections, s => s.Key == type.ClrType.Name);
            Assert.NotEmpty(section.Rows);
        }

        Assert.Equal(before, bundle.AuditTrail.Rows.Count);
        var json = SubjectAccessExport.ToJson(bundle);
        var html = SubjectAccessExport.ToHtml(bundle);
        Assert.Contains("1 Lane", json, StringComparison.Ordinal); // the protected address, decrypted
        Assert.Contains("Erin Export&#39;s garden", html, StringComparison.Ordinal);
        Assert.Contains("Worried about Erin Export", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Oscar", json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.ToString(), json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, parsed.RootElement.GetProperty(nameof(Strength)).ValueKind);

        var exported = Assert.Single(await db.AuditEvents.Where(e => e.PersonId == personId && e.Action == PersonAuditActions.Exported).ToListAsync());
        Assert.Equal("system (command line)", exported.ActorName);
    }
}
