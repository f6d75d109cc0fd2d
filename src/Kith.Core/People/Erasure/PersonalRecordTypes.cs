using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kith.Core.People.Erasure;

/// <summary>
/// Every entity type in the EF model that belongs to one person's record (implements <see cref="IPersonalRecord"/>),
/// found from the model itself so that a new kind of record cannot be missed by erasure or the subject-access export.
/// </summary>
public static class PersonalRecordTypes
{
    /// <summary>
    /// The personal entity types, dependents before the records they hang off (so rows can be deleted in this
    /// order without breaking a foreign key); <see cref="Person"/> is last.
    /// </summary>
    public static IReadOnlyList<IEntityType> InDeletionOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var personal = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && typeof(IPersonalRecord).IsAssignableFrom(t.ClrType))
            .ToList();
        var ordered = new List<IEntityType>();
        var visited = new HashSet<IEntityType>();

        // Depth-first: a type goes in after every personal type that points at it has gone in.
        void Visit(IEntityType type)
        {
            if (!visited.Add(type))
            {
                return;
            }

            foreach (var dependent in personal.Where(d => d != type && d.GetForeignKeys().Any(fk => fk.PrincipalEntityType == type)))
            {
                Visit(dependent);
            }

            ordered.Add(type);
        }

        foreach (var type in personal.OrderBy(t => t.ClrType == typeof(Person) ? 1 : 0).ThenBy(t => t.ClrType.Name, StringComparer.Ordinal))
        {
            Visit(type);
        }

        return ordered;
    }

    /// <summary>The column holding the person's id: <c>Id</c> for <see cref="Person"/>, <c>PersonId</c> for everything else.</summary>
    /// <exception cref="InvalidOperationException">When a personal record has no mapped PersonId column.</exception>
    public static string PersonKey(IEntityType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.ClrType == typeof(Person) ? nameof(Person.Id) : nameof(IPersonalRecord.PersonId);
        return type.FindProperty(name) is null
            ? throw new InvalidOperationException($"{type.ClrType.Name} is a personal record but has no mapped {name} column.")
            : name;
    }

    /// <summary>The rows of <typeparamref name="T"/> belonging to the person, by the indexed person column.</summary>
    public static IQueryable<T> For<T>(DbContext db, Guid personId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = PersonKey(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."));
        return db.Set<T>().Where(e => EF.Property<Guid>(e, key) == personId);
    }
}
