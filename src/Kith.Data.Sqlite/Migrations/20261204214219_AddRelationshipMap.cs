using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidesAbout = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HoldsBudget = table.Column<bool>(type: "INTEGER", nullable: false),
                    BudgetBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TimeToGive = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    KnowsAbout = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Interest = table.Column<int>(type: "INTEGER", nullable: true),
                    Influence = table.Column<int>(type: "INTEGER", nullable: true),
                    DesiredInterest = table.Column<int>(type: "INTEGER", nullable: true),
                    DesiredInfluence = table.Column<int>(type: "INTEGER", nullable: true),
                    CommunityAssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AgreedToMappingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreementHow = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipActors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RelationshipSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TieCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Density = table.Column<double>(type: "REAL", nullable: false),
                    Reciprocity = table.Column<double>(type: "REAL", nullable: true),
                    CommunityCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Modularity = table.Column<double>(type: "REAL", nullable: false),
                    BetweennessSources = table.Column<int>(type: "INTEGER", nullable: true),
                    BetweennessErrorBound = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelationshipSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RelationshipTies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IsDirected = table.Column<bool>(type: "INTEGER", nullable: false),
                    Strength = table.Column<int>(type: "INTEGER", nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SurveyRoundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObservedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Energy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Degree = table.Column<int>(type: "INTEGER", nullable: false),
                    InDegree = table.Column<int>(type: "INTEGER", nullable: false),
                    OutDegree = table.Column<int>(type: "INTEGER", nullable: false),
                    Strength = table.Column<double>(type: "REAL", nullable: false),
                    Betweenness = table.Column<double>(type: "REAL", nullable: false),
                    Closeness = table.Column<double>(type: "REAL", nullable: false),
                    Eigenvector = table.Column<double>(type: "REAL", nullable: false),
                    EffectiveSize = table.Column<double>(type: "REAL", nullable: true),
                    Constraint = table.Column<double>(type: "REAL", nullable: true),
                    Community = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArticulationPoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    Interest = table.Column<int>(type: "INTEGER", nullable: true),
                    Influence = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TieId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IsDirected = table.Column<bool>(type: "INTEGER", nullable: false),
                    Strength = table.Column<int>(type: "INTEGER", nullable: false),
                    IsBridge = table.Column<bool>(type: "INTEGER", nullable: false)
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
