package org.aigaq.platform.web;

import java.util.Comparator;
import java.util.List;
import org.aigaq.platform.HomeCard;
import org.springframework.beans.factory.ObjectProvider;
import org.aigaq.platform.security.CurrentUser;
import org.aigaq.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after signing in: the cards the capabilities contribute for the user, then their account. */
@Controller
class HomeController {

    /** A card as the page draws it. */
    record ShownCard(String template, Object data) {}

    private final List<HomeCard> cards;

    HomeController(ObjectProvider<HomeCard> cards) {
        this.cards = cards.stream().sorted(Comparator.comparingInt(HomeCard::order)).toList();
    }

    @SignedIn
    @GetMapping("/")
    String home(Model model) {
        var user = CurrentUser.require();
        model.addAttribute("cards", cards.stream()
                .flatMap(card -> card.data(user).map(data -> new ShownCard(card.template(), data)).stream())
                .toList());
        return "home";
    }
}
