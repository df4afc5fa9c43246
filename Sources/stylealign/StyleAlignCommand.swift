import ArgumentParser

@main
struct StyleAlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stylealign",
        abstract: "Analyse aligned StyleGAN2 models: a parent and the child fine-tuned from it.",
        subcommands: [InspectCommand.self, GenerateCommand.self, BenchCommand.self, ReportCommand.self, ConvertCommand.self,
                      EditCommand.self, MorphCommand.self, BlendCommand.self, MixCommand.self, ZeroShotCommand.self])

    static func main() {
        FastBLAS.reexecIfNeeded()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
