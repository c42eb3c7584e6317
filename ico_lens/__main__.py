from ico_lens.cli import entry

entry()
