import ArgumentParser

@main
struct StyleAlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stylealign",
        abstract: "Analyse aligned StyleGAN2 models: a parent and the child fine-tuned from it.",
        subcommands: [])
}
