using Kith.Core.Connections;
using Kith.Core.Platform.Audit;

namespace Kith.Core.Tests.Connections;

public class ConnectionLifecycleTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");
    private static readonly ProcessContext Group = new(null, "Ashworth Allotments (by link)");
    private static readonly DateTime Start = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>The table, exactly: every legal move.</summary>
    public static TheoryData<ConnectionStatus, ConnectionStatus> Legal => new()
    {
        { ConnectionStatus.Draft, ConnectionStatus.Requested },
        { ConnectionStatus.Requested, ConnectionStatus.Accepted },
        { ConnectionStatus.Requested, ConnectionStatus.Rejected },
        { ConnectionStatus.Accepted, ConnectionStatus.InProgress },
        { ConnectionStatus.InProgress, ConnectionStatus.Completed },
        { ConnectionStatus.InProgress, ConnectionStatus.Cancelled },
        { ConnectionStatus.InProgress, ConnectionStatus.Failed },
    };

    /// <summary>Every other pair of statuses, including staying put.</summary>
    public static TheoryData<ConnectionStatus, ConnectionStatus> Illegal
    {
        get
        {
            var legal = Legal.Select(row => ((ConnectionStatus)row[0], (ConnectionStatus)row[1])).ToHashSet();
            var data = new TheoryData<ConnectionStatus, ConnectionStatus>();
            foreach (var from in Enum.GetValues<ConnectionStatus>())
            {
                foreach (var to in Enum.GetValues<ConnectionStatus>())
                {
                    if (!legal.Contains((from, to)))
                    {
                        data.Add(from, to);
                    }
                }
            }

            return data;
        }
    }

    [Fact]
    public void A_new_connection_is_a_draft_with_its_creation_recorded()
    {
        var connection = Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.SignpostOnly, Sam, Start, "  Loves growing things ");

        Assert.Equal(ConnectionStatus.Draft, connection.Status);
        Assert.Equal(ConnectionKind.SignpostOnly, connection.Kind);
        Assert.Equal("user-sam", connection.MadeByUserId);
        Assert.Equal("Sam Practitioner", connection.MadeByName);
        var created = Assert.Single(connection.Transitions);
        Assert.Null(created.From);
        Assert.Equal(ConnectionStatus.Draft, created.To);
        Assert.Equal(Start, created.At);
        Assert.Equal("Sam Practitioner", created.ByName);
        Assert.Equal("Loves growing things", created.Note);
        Assert.Equal(1, created.Sequence);
        Assert.Equal(connection.PersonId, created.PersonId);
    }

    [Theory]
    [MemberData(nameof(Legal))]
    public void Each_legal_move_changes_the_status_bumps_the_version_and_records_who_when_and_the_note(ConnectionStatus from, ConnectionStatus to)
    {
        var connection = At(from);
        var version = connection.Version;
        var when = Start.AddDays(30);

        var transition = connection.MoveTo(to, Group, when, "They said so on the phone");

        Assert.Equal(to, connection.Status);
        Assert.Equal(version + 1, connection.Version);
        Assert.Equal(when, connection.LastModified);
        Assert.Same(transition, connection.Transitions[^1]);
        Assert.Equal(from, transition.From);
        Assert.Equal(to, transition.To);
        Assert.Equal(when, transition.At);
        Assert.Null(transition.ByUserId);
        Assert.Equal("Ashworth Allotments (by link)", transition.ByName);
        Assert.Equal("They said so on the phone", transition.Note);
        Assert.Equal(connection.Version, transition.Sequence);
        Assert.Equal(Connection.NeedsReason(to) ? "They said so on the phone" : null, connection.StatusReason);
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Each_illegal_move_is_refused_by_the_entity_and_changes_nothing(ConnectionStatus from, ConnectionStatus to)
    {
        var connection = At(from);
        var (version, count) = (connection.Version, connection.Transitions.Count);

        var refused = Assert.Throws<ConnectionTransitionException>(() => connection.MoveTo(to, Sam, Start.AddDays(40), "a reason"));

        Assert.Equal(from, refused.From);
        Assert.Equal(to, refused.To);
        Assert.Equal(from, connection.Status);
        Assert.Equal(version, connection.Version);
        Assert.Equal(count, connection.Transitions.Count);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.DoesNotContain(nameof(ConnectionStatus), refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConnectionStatus.Requested, ConnectionStatus.Rejected)]
    [InlineData(ConnectionStatus.InProgress, ConnectionStatus.Completed)]
    [InlineData(ConnectionStatus.InProgress, ConnectionStatus.Cancelled)]
    [InlineData(ConnectionStatus.InProgress, ConnectionStatus.Failed)]
    public void Declining_and_finishing_need_a_reason(ConnectionStatus from, ConnectionStatus to)
    {
        var connection = At(from);

        var refused = Assert.Throws<ConnectionTransitionException>(() => connection.MoveTo(to, Sam, Start, "   "));

        Assert.StartsWith("Give a reason", refused.Message, StringComparison.Ordinal);
        Assert.Equal(from, connection.Status);
    }

    [Theory]
    [InlineData(ConnectionStatus.Draft, ConnectionStatus.Requested)]
    [InlineData(ConnectionStatus.Requested, ConnectionStatus.Accepted)]
    [InlineData(ConnectionStatus.Accepted, ConnectionStatus.InProgress)]
    public void The_other_moves_take_an_optional_note(ConnectionStatus from, ConnectionStatus to)
    {
        var connection = At(from);

        var transition = connection.MoveTo(to, Sam, Start, null);

        Assert.Null(transition.Note);
        Assert.Equal(to, connection.Status);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        var connection = At(ConnectionStatus.Requested);

        var refused = Assert.Throws<ConnectionTransitionException>(() => connection.Decline(Group, Start, new string('x', Connection.NoteLimit + 1)));

        Assert.Contains("2000 characters or fewer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_declining_after_the_person_attended_gets_a_clear_message()
    {
        var connection = At(ConnectionStatus.InProgress);

        var refused = Assert.Throws<ConnectionTransitionException>(() => connection.Decline(Group, Start, "No space"));

        Assert.Equal("The person has already attended, so this introduction can no longer be declined. Record how it went instead.", refused.Message);
    }

    [Fact]
    public void Refusals_say_what_is_allowed_in_plain_words()
    {
        Assert.Equal(
            "A connection that is draft cannot become accepted; it can only become introduced.",
            Assert.Throws<ConnectionTransitionException>(() => At(ConnectionStatus.Draft).Accept(Sam, Start)).Message);
        Assert.Equal(
            "This connection is already accepted.",
            Assert.Throws<ConnectionTransitionException>(() => At(ConnectionStatus.Accepted).Accept(Sam, Start)).Message);
        Assert.Equal(
            "This connection is declined and cannot change any more.",
            Assert.Throws<ConnectionTransitionException>(() => At(ConnectionStatus.Rejected).Start(Sam, Start)).Message);
    }

    [Fact]
    public void Finish_only_takes_a_finishing_outcome()
    {
        var connection = At(ConnectionStatus.InProgress);

        Assert.Throws<ConnectionTransitionException>(() => connection.Finish(ConnectionStatus.Accepted, Sam, Start, "why"));
        connection.Finish(ConnectionStatus.Completed, Sam, Start, "Goes every week now");

        Assert.Equal(ConnectionStatus.Completed, connection.Status);
        Assert.True(connection.IsFinal);
    }

    [Fact]
    public void A_signpost_only_connection_follows_the_same_lifecycle_to_the_end()
    {
        var connection = Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.SignpostOnly, Sam, Start);
        connection.Introduce(Sam, Start.AddDays(1), "Gave them the leaflet");
        connection.Accept(Sam, Start.AddDays(2), "They will go on Tuesday");
        connection.Start(Sam, Start.AddDays(9), "Went once");
        connection.Finish(ConnectionStatus.Completed, Sam, Start.AddDays(60), "Part of their week now");

        Assert.Equal(
            [ConnectionStatus.Draft, ConnectionStatus.Requested, ConnectionStatus.Accepted, ConnectionStatus.InProgress, ConnectionStatus.Completed],
            connection.Transitions.Select(t => t.To));
        Assert.Equal([1, 2, 3, 4, 5], connection.Transitions.Select(t => t.Sequence));
        Assert.Equal("Part of their week now", connection.StatusReason);
    }

    [Theory]
    [InlineData(ConnectionStatus.Draft, "draft")]
    [InlineData(ConnectionStatus.Requested, "requested")]
    [InlineData(ConnectionStatus.Accepted, "accepted")]
    [InlineData(ConnectionStatus.Rejected, "rejected")]
    [InlineData(ConnectionStatus.InProgress, "in-progress")]
    [InlineData(ConnectionStatus.Completed, "completed")]
    [InlineData(ConnectionStatus.Cancelled, "cancelled")]
    [InlineData(ConnectionStatus.Failed, "failed")]
    public void Statuses_map_one_to_one_onto_FHIR_Task_status(ConnectionStatus status, string code) =>
        Assert.Equal(code, Connection.ToFhirCode(status));

    /// <summary>A connection brought to <paramref name="status"/> through legal moves.</summary>
    private static Connection At(ConnectionStatus status)
    {
        var connection = Connection.Create(Guid.NewGuid(), Guid.NewGuid(), ConnectionKind.Introduction, Sam, Start);
        var path = status switch
        {
            ConnectionStatus.Draft => [],
            ConnectionStatus.Requested => [ConnectionStatus.Requested],
            ConnectionStatus.Accepted => [ConnectionStatus.Requested, ConnectionStatus.Accepted],
            ConnectionStatus.Rejected => [ConnectionStatus.Requested, ConnectionStatus.Rejected],
            ConnectionStatus.InProgress => [ConnectionStatus.Requested, ConnectionStatus.Accepted, ConnectionStatus.InProgress],
            _ => new[] { ConnectionStatus.Requested, ConnectionStatus.Accepted, ConnectionStatus.InProgress, status },
        };
        foreach (var step in path)
        {
            connection.MoveTo(step, Sam, Start, "reason");
        }

        return connection;
    }
}
