package io.tablewarden;

public final class Main {
    public static void main(String[] args) { System.out.println("tablewarden"); }
}
