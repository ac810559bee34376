print("yusuan-bench: to be written")
