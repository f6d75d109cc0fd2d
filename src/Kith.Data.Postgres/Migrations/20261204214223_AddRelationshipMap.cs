using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kith.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddRelationshipMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RelationshipActors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidesAbout = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HoldsBudget = table.Column<bool>(type: "boolean", nullable: false),
                    BudgetBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TimeToGive = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    KnowsAbout = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Interest = table.Column<int>(type: "integer", nullable: true),
                    Influence = table.Column<int>(type: "integer", nullable: true),
                    DesiredInterest = table.Column<int>(type: "integer", nullable: true),
                    DesiredInfluence = table.Column<int>(type: "integer", nullable: true),
                    CommunityAssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgreedToMappingAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AgreementHow = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipActors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RelationshipSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorCount = table.Column<int>(type: "integer", nullable: false),
                    TieCount = table.Column<int>(type: "integer", nullable: false),
                    Density = table.Column<double>(type: "double precision", nullable: false),
                    Reciprocity = table.Column<double>(type: "double precision", nullable: true),
                    CommunityCount = table.Column<int>(type: "integer", nullable: false),
                    Modularity = table.Column<double>(type: "double precision", nullable: false),
                    BetweennessSources = table.Column<int>(type: "integer", nullable: true),
                    BetweennessErrorBound = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RelationshipTies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IsDirected = table.Column<bool>(type: "boolean", nullable: false),
                    Strength = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Since = table.Column<DateOnly>(type: "date", nullable: true),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SurveyRoundId = table.Column<Guid>(type: "uuid", nullable: true),
                    ObservedCount = table.Column<int>(type: "integer", nullable: true),
                    Energy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipTies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelationshipTies_RelationshipActors_FromActorId",
                        column: x => x.FromActorId,
                        principalTable: "RelationshipActors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RelationshipTies_RelationshipActors_ToActorId",
                        column: x => x.ToActorId,
                        principalTable: "RelationshipActors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RelationshipSnapshotActors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Degree = table.Column<int>(type: "integer", nullable: false),
                    InDegree = table.Column<int>(type: "integer", nullable: false),
                    OutDegree = table.Column<int>(type: "integer", nullable: false),
                    Strength = table.Column<double>(type: "double precision", nullable: false),
                    Betweenness = table.Column<double>(type: "double precision", nullable: false),
                    Closeness = table.Column<double>(type: "double precision", nullable: false),
                    Eigenvector = table.Column<double>(type: "double precision", nullable: false),
                    EffectiveSize = table.Column<double>(type: "double precision", nullable: true),
                    Constraint = table.Column<double>(type: "double precision", nullable: true),
                    Community = table.Column<int>(type: "integer", nullable: false),
                    IsArticulationPoint = table.Column<bool>(type: "boolean", nullable: false),
                    Interest = table.Column<int>(type: "integer", nullable: true),
                    Influence = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipSnapshotActors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelationshipSnapshotActors_RelationshipSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "RelationshipSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RelationshipSnapshotTies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<Guid>(type: "uuid", nullable: false),
                    TieId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IsDirected = table.Column<bool>(type: "boolean", nullable: false),
                    Strength = table.Column<int>(type: "integer", nullable: false),
                    IsBridge = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipSnapshotTies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelationshipSnapshotTies_RelationshipSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "RelationshipSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipActors_CommunityAssetId",
                table: "RelationshipActors",
                column: "CommunityAssetId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipActors_Name",
                table: "RelationshipActors",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipActors_TeamId",
                table: "RelationshipActors",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipSnapshotActors_ActorId",
                table: "RelationshipSnapshotActors",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipSnapshotActors_SnapshotId_ActorId",
                table: "RelationshipSnapshotActors",
                columns: new[] { "SnapshotId", "ActorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipSnapshots_TakenAt",
                table: "RelationshipSnapshots",
                column: "TakenAt");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipSnapshotTies_FromActorId",
                table: "RelationshipSnapshotTies",
                column: "FromActorId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipSnapshotTies_SnapshotId",
                table: "RelationshipSnapshotTies",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipSnapshotTies_ToActorId",
                table: "RelationshipSnapshotTies",
                column: "ToActorId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipTies_FromActorId",
                table: "RelationshipTies",
                column: "FromActorId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipTies_SurveyRoundId",
                table: "RelationshipTies",
                column: "SurveyRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_RelationshipTies_ToActorId",
                table: "RelationshipTies",
                column: "ToActorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RelationshipSnapshotActors");

            migrationBuilder.DropTable(
                name: "RelationshipSnapshotTies");

            migrationBuilder.DropTable(
                name: "RelationshipTies");

            migrationBuilder.DropTable(
                name: "RelationshipSnapshots");

            migrationBuilder.DropTable(
                name: "RelationshipActors");
        }
    }
}
