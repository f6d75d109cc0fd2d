using System.Reflection;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Tests.Platform;

/// <summary>Conventions that hold across the whole of Kith.Core, so one file cannot quietly break them.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(KithDbContext).Assembly;

    [Fact]
    public void Core_does_not_depend_on_the_web_host()
    {
        var web = Core.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                && !name.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)
                || name.StartsWith("Kith.Web", StringComparison.Ordinal))
            .ToList();

        Assert.True(web.Count == 0, $"Kith.Core references {string.Join(", ", web)}; keep HTTP and pages in Kith.Web.");
    }

    [Fact]
    public void Core_never_reads_the_system_clock_directly()
    {
        // Types whose methods touch DateTime.UtcNow/Now would show it in their IL as a call to the getter.
        var getters = new[]
        {
            typeof(DateTime).GetProperty(nameof(DateTime.UtcNow))!.GetMethod!,
            typeof(DateTime).GetProperty(nameof(DateTime.Now))!.GetMethod!,
            typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.UtcNow))!.GetMethod!,
            typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.Now))!.GetMethod!,
        };
        var offenders = new List<string>();
        foreach (var type in Core.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var body = method.GetMethodBody()?.GetILAsByteArray();
                if (body is null)
                {
                    continue;
                }

                foreach (var getter in getters)
                {
                    if (CallsMethod(body, method.Module, getter))
                    {
                        offenders.Add($"{type.FullName}.{method.Name}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, $"Inject TimeProvider instead of reading the clock in: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_records_people_edit_write_the_audit_trail()
    {
        using var db = new KithDbContext(new DbContextOptionsBuilder<KithDbContext>().UseSqlite("Data Source=:memory:").Options);
        var audited = db.Model.GetEntityTypes()
            .Where(e => typeof(IAuditedRecord).IsAssignableFrom(e.ClrType))
            .Select(e => e.ClrType.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["CommunityAsset", "Location", "Organization"], audited.Where(n => n is "CommunityAsset" or "Location" or "Organization"));
    }

    [Fact]
    public void Everything_about_a_person_is_audited_and_found_by_person()
    {
        // Erasure, the subject-access export and the person's access log find records by PersonId.
        using var db = new KithDbContext(new DbContextOptionsBuilder<KithDbContext>().UseSqlite("Data Source=:memory:").Options);
        var offenders = db.Model.GetEntityTypes()
            .Where(e => e.FindProperty("PersonId") is not null && e.ClrType != typeof(AuditEvent))
            .Where(e => !typeof(IAuditedRecord).IsAssignableFrom(e.ClrType) || !typeof(Kith.Core.People.IPersonalRecord).IsAssignableFrom(e.ClrType))
            .Select(e => e.ClrType.Name)
            .ToList();

        Assert.True(offenders.Count == 0, $"Make these IAuditedRecord and IPersonalRecord: {string.Join(", ", offenders)}");
    }

    /// <summary>Looks for a call or callvirt whose metadata token resolves to <paramref name="target"/>.</summary>
    private static bool CallsMethod(byte[] il, Module module, MethodInfo target)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            var token = BitConverter.ToInt32(il, i + 1);
            try
            {
                if (module.ResolveMethod(token) is MethodInfo called && called == target)
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Not a method token: the byte was an operand, not an opcode.
            }
        }

        return false;
    }
}
